// Runs every browser flow against the server at CASEWORK_URL, each in a fresh browser
// context, and prints "N passed, N failed". Exits non-zero if any failed.
import { fileURLToPath } from "node:url";
import { checkAccessibility, launch, pagesChecked } from "./browser.mjs";
import { flows } from "./flows.mjs";
import { seed } from "./seed.mjs";

const base = process.env.CASEWORK_URL;
if (!base || !process.env.CASEWORK_PASSWORD) {
  console.error("set CASEWORK_URL and CASEWORK_PASSWORD (scripts/test-browser does)");
  process.exit(2);
}
const only = process.argv[2];

await seed(base, process.env.CASEWORK_PASSWORD);
const browser = await launch();
let passed = 0, failed = 0;
for (const flow of flows) {
  if (only && !flow.name.includes(only)) continue;
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  if (flow.clock) await page.clock.install();
  const started = Date.now();
  try {
    await flow.run({ page, base, checkAccessibility });
    passed++;
    console.log(`ok   ${flow.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${flow.name}\n${e.stack ?? e}`);
    const shot = new URL(`../test-results/${flow.name.replace(/\W+/g, "-")}.png`, import.meta.url);
    await page.screenshot({ path: fileURLToPath(shot), fullPage: true }).catch(() => {});
  }
  await context.close();
}
await browser.close();
console.log(`${pagesChecked()} page states checked with axe (WCAG 2.2 A and AA)`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
