// Debian's Chromium driven by playwright-core, with axe-core checking every page a test
// visits: any WCAG 2.x A or AA violation fails the test.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export async function launch() {
  const args = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-default-apps", "--disable-dev-shm-usage"];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

const checked = new Set();

// Runs axe on the page as it is now; throws listing each violation.
export async function checkAccessibility(page, label) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  checked.add(label);
  if (results.violations.length) {
    const lines = results.violations.map((v) =>
      `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 3).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ")}`).join("\n")}`);
    throw new Error(`accessibility violations on ${label} (${page.url()}):\n${lines.join("\n")}`);
  }
}

export function pagesChecked() {
  return checked.size;
}

// Waits for the page's content (not the loading message) under the main heading.
export async function heading(page, text) {
  await page.getByRole("heading", { level: 1, name: text }).waitFor();
}
