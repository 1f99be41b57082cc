// What practitioners and managers do every day, in a real browser against the real server.
import assert from "node:assert/strict";
import { checkAccessibility, heading } from "./browser.mjs";
import { AuthenticatorApp } from "./totp.mjs";

export const PASSWORD = process.env.CASEWORK_PASSWORD;

export async function signIn(page, base, username, checkA11y = false) {
  await page.goto(`${base}/`);
  await heading(page, "Sign in to Casework");
  if (checkA11y) await checkAccessibility(page, "sign in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading(page, "Your work");
}

// Signs in as a practitioner and opens the first child allocated to them.
async function openFirstChild(page, base) {
  await signIn(page, base, "sam.okafor");
  await page.locator("table").first().getByRole("link").first().click();
  await page.locator(".app-record-summary").waitFor();
}

// The London date `days` from today, as the date inputs take it and the pages write it.
function londonDate(days) {
  const when = new Date(Date.now() + days * 24 * 3600 * 1000);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" })
    .formatToParts(when).map((p) => [p.type, p.value]));
  const text = when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
  return { day: parts.day, month: parts.month, year: parts.year, text };
}

async function fillDate(page, date) {
  await page.getByLabel("Day").fill(date.day);
  await page.getByLabel("Month").fill(date.month);
  await page.getByLabel("Year").fill(date.year);
}

// The value beside a key in a GOV.UK summary list inside container.
async function rowValue(container, key) {
  const row = container.locator(".govuk-summary-list__row", { has: container.page().locator(".govuk-summary-list__key", { hasText: key }) }).first();
  return (await row.locator(".govuk-summary-list__value").textContent()).trim();
}

async function signOut(page) {
  await page.getByRole("link", { name: "Sign out" }).click();
  await heading(page, "Sign in to Casework");
}

export const flows = [
  {
    name: "sign in, see my caseload, and a wrong password is refused",
    async run({ page, base }) {
      await page.goto(`${base}/`);
      await heading(page, "Sign in to Casework");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "sign in with errors");
      await page.getByLabel("Username").fill("sam.okafor");
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator(".govuk-error-message").first().waitFor();
      await signIn(page, base, "sam.okafor", true);
      await page.getByRole("table").first().waitFor();
      await checkAccessibility(page, "home");
    },
  },
  // REC-01, REC-05, REC-06: a new child's record, found by name and reference, and not recorded twice.
  {
    name: "record a new child, with a duplicate warning, find them, and complete their details",
    async run({ page, base }) {
      await signIn(page, base, "sam.okafor");
      const family = `Browsertest${Date.now() % 100000}`;
      for (const attempt of [1, 2]) {
        await page.getByRole("link", { name: "Record a new child" }).click();
        await heading(page, "Record a new child");
        if (attempt === 1) await checkAccessibility(page, "record a new child");
        await page.getByLabel("Given names").fill("Poppy");
        await page.getByLabel("Family name").fill(family);
        await page.getByLabel("Day").fill("3");
        await page.getByLabel("Month").fill("5");
        await page.getByLabel("Year").fill("2019");
        await page.getByRole("button", { name: "Record the child" }).click();
        if (attempt === 1) await heading(page, `Poppy ${family}`);
      }
      // REC-06: the second time, the same child is found before anything is saved.
      await page.getByText("This child may already be recorded").waitFor();
      await checkAccessibility(page, "duplicate warning");
      await page.getByRole("link", { name: `Poppy ${family}` }).first().click();
      await heading(page, `Poppy ${family}`);
      const reference = (await page.locator(".app-record-summary .govuk-caption-m").textContent()).trim();

      await page.getByLabel("Find a person").fill(family.toLowerCase());
      await page.getByRole("button", { name: "Search" }).click();
      await heading(page, `Search results for “${family.toLowerCase()}”`);
      await page.getByText("1 person matches by name or alias").waitFor();
      await checkAccessibility(page, "search results");
      await page.getByLabel("Find a person").fill(reference);
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByText("1 person matches by council reference").waitFor();
      await page.getByRole("link", { name: `Poppy ${family}` }).click();
      await heading(page, `Poppy ${family}`);
      await checkAccessibility(page, "child's record");
      await page.getByRole("link", { name: "Details", exact: true }).click();
      await page.getByRole("heading", { name: "Details", level: 2 }).waitFor();
      await checkAccessibility(page, "child's details");
      // REC-02, EQU-01: the missing details are supplied, or said to be not known, and the
      // record is no longer listed as incomplete.
      await page.getByText("Missing from the record").waitFor();
      await page.getByRole("link", { name: "Change details" }).click();
      await heading(page, "Change details");
      await checkAccessibility(page, "change details");
      await page.getByLabel("Gender", { exact: true }).selectOption("Female");
      await page.getByLabel("Ethnicity", { exact: true }).selectOption("Gypsy/Roma");
      await page.getByLabel("Religion", { exact: true }).selectOption("No religion");
      await page.getByLabel("First language", { exact: true }).fill("English");
      await page.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No").check();
      await page.getByLabel("Disability", { exact: true }).fill("None");
      await page.getByLabel("Why the NHS number is not known").fill("Not yet registered with a GP; health visitor asked.");
      await page.getByRole("button", { name: "Save the details" }).click();
      await page.getByRole("heading", { name: "Details", level: 2 }).waitFor();
      await page.getByText("Gypsy/Roma").waitFor();
      await page.getByRole("link", { name: "Record a new address" }).click();
      await heading(page, "Record a new address");
      await checkAccessibility(page, "record a new address");
      await page.getByLabel("Address line 1").fill("12 Mill Lane");
      await page.getByLabel("Town or city").fill("Eastfield");
      await page.getByLabel("Postcode").fill("EF1 2AB");
      await page.getByRole("button", { name: "Record the address" }).click();
      await page.getByRole("heading", { name: "Details", level: 2 }).waitFor();
      await page.getByText("12 Mill Lane, Eastfield, EF1 2AB").waitFor();
      assert.equal(await page.getByText("Missing from the record").count(), 0);
    },
  },
  // ENT-01, ENT-08: a visit recorded through the form is stamped and shows at the top of the journal.
  {
    name: "record a visit, see it at the top of the journal, and correct it",
    async run({ page, base }) {
      await openFirstChild(page, base);
      await page.getByRole("link", { name: "Record a visit" }).click();
      await heading(page, "Record a visit");
      await page.getByRole("button", { name: "Record visit" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "record a visit with errors");
      const words = `Visited at home; the child showed me the garden ${Date.now()}.`;
      await page.getByLabel("What happened").fill(words);
      await page.getByLabel("Fact", { exact: true }).check();
      await page.getByRole("group", { name: "Did you see or hear this yourself?" }).getByLabel("Yes").check();
      await page.getByRole("group", { name: "Did you see the child?" }).getByLabel("Yes").check();
      await page.getByRole("group", { name: "Did you see the child alone?" }).getByLabel("Yes").check();
      await page.getByLabel("The child's wishes and feelings", { exact: true }).fill("I want to keep my dog.");
      await checkAccessibility(page, "record a visit");
      await page.getByRole("button", { name: "Record visit" }).click();
      await page.getByRole("heading", { name: "Journal", level: 2 }).waitFor();
      const newest = page.locator("article.app-journal-item").first();
      await newest.getByText(words).waitFor();
      assert.match(await newest.textContent(), /Visit/);
      assert.match(await newest.textContent(), /Seen alone/);
      await checkAccessibility(page, "journal");
      // ENT-06: a correction is a new entry pointing to the old one; both stay, marked as such.
      await newest.getByRole("link", { name: /Correct entry no\. \d+/ }).click();
      await page.getByRole("heading", { level: 1, name: /Correct entry no\. \d+/ }).waitFor();
      assert.equal(await page.getByLabel("What happened").inputValue(), words);
      await page.getByLabel("What happened").fill(`${words} Corrected: it was the back yard.`);
      await page.getByRole("button", { name: "Record the correction" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "correct an entry with errors");
      await page.getByLabel("Why does the entry need correcting?").fill("I wrote garden; it is a yard.");
      await page.getByRole("button", { name: "Record the correction" }).click();
      await page.getByRole("heading", { name: "Journal", level: 2 }).waitFor();
      const correction = page.locator("article.app-journal-item").first();
      await correction.getByText("Correction: Visit").waitFor();
      await correction.getByText("I wrote garden; it is a yard.").waitFor();
      await page.locator("article.app-journal-item--corrected").getByText(words, { exact: true }).waitFor();
      // Filtering to decisions hides the visit.
      await page.getByLabel("Decisions").check();
      await page.getByRole("button", { name: "Apply filter" }).click();
      await page.waitForURL(/type=decision/);
      await page.getByRole("heading", { name: "Journal", level: 2 }).waitFor();
      await page.getByText("Nothing recorded of that type").waitFor();
      assert.equal(await page.getByText(words).count(), 0);
    },
  },
  // CHR-01, CHR-02: significant events in the order they happened, and the whole chronology as
  // a CSV file for a conference or court.
  {
    name: "the chronology of significant events, and its CSV file",
    async run({ page, base }) {
      await openFirstChild(page, base);
      await page.getByRole("link", { name: "Chronology", exact: true }).click();
      await page.getByRole("heading", { name: "Chronology", level: 2 }).waitFor();
      await page.getByRole("cell", { name: /Referral received from school/ }).waitFor();
      await checkAccessibility(page, "chronology");
      const href = await page.getByRole("link", { name: /Download the whole chronology/ }).getAttribute("href");
      const file = await page.request.get(new URL(href, base).toString());
      assert.equal(file.status(), 200);
      assert.match(file.headers()["content-type"], /^text\/csv/);
      assert.match(file.headers()["content-disposition"], /^attachment; filename="chronology-/);
      assert.match(await file.text(), /"Referral received from school about [A-Za-z]+\."/);
    },
  },
  // SHR-01, SHR-02, SHR-03: consent for a purpose is recorded; once it is withdrawn, sharing
  // for that purpose is refused on consent and needs the justification for sharing without it;
  // the disclosure then shows in the child's log.
  {
    name: "record consent withdrawn, then share without consent with a justification, and see the log",
    async run({ page, base }) {
      await openFirstChild(page, base);
      await page.getByRole("link", { name: "Consent and sharing" }).click();
      await page.getByRole("heading", { name: "Consent and sharing", level: 2 }).waitFor();
      await checkAccessibility(page, "consent and sharing");
      await page.getByRole("link", { name: "Record consent" }).click();
      await heading(page, "Record consent to share information");
      await page.getByRole("button", { name: "Record consent" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "record consent with errors");
      const purpose = `Health information with the school nurse ${Date.now() % 100000}`;
      await page.getByLabel("What may be shared, with whom and why?").fill(purpose);
      await page.getByLabel("Withdrawn").check();
      await page.getByLabel("Who decided?").fill("Kerry, mother, with parental responsibility");
      await page.getByRole("button", { name: "Record consent" }).click();
      await page.getByRole("heading", { name: "Consent and sharing", level: 2 }).waitFor();
      await page.getByRole("row", { name: new RegExp(purpose) }).getByText("withdrawn").waitFor();

      await page.getByRole("link", { name: "Record information shared" }).click();
      await heading(page, "Record information shared");
      await page.getByLabel("What was shared?").fill("Weight and missed health appointments");
      await page.getByLabel("Who was it shared with?").fill("Ruth Adams, school nurse");
      await page.getByLabel("Why was it shared?").fill(purpose);
      await page.getByLabel("Consent", { exact: true }).check();
      await page.getByRole("button", { name: "Record information shared" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await page.locator(".govuk-error-summary").getByText(/withdrawn/).waitFor();
      await page.getByLabel("Without consent: risk of significant harm to a child").check();
      await page.getByLabel("Why is sharing without consent necessary?").fill("Weight loss is part of the neglect concerns.");
      await page.getByLabel("Why is it proportionate?").fill("Only the weights and dates, to the nurse who will see her.");
      await page.getByLabel("Who decided to share without consent?").fill("Maureen Hughes, Team Manager");
      await checkAccessibility(page, "record information shared");
      await page.getByRole("button", { name: "Record information shared" }).click();
      await page.getByRole("heading", { name: "Consent and sharing", level: 2 }).waitFor();
      await page.getByText("Weight loss is part of the neglect concerns.").waitFor();
      await page.getByText("Without consent: risk of significant harm to a child").first().waitFor();
      await checkAccessibility(page, "consent and sharing with a disclosure");
    },
  },
  // SEC-02 (and WCAG 2.2.1): warned before the idle log out; work typed before it is not lost.
  {
    name: "the idle warning offers to stay signed in, and a draft survives the log out",
    clock: true,
    async run({ page, base }) {
      await openFirstChild(page, base);
      await page.getByRole("link", { name: "Record a case note" }).click();
      await heading(page, "Record a case note");
      const words = `Telephone call from school ${Date.now()}`;
      await page.getByLabel("What happened").fill(words);
      await page.clock.runFor(2000);
      await page.getByText("Draft saved").waitFor();
      // Thirteen quiet minutes: the warning comes two minutes before the log out.
      await page.clock.runFor(13 * 60 * 1000 + 5000);
      const dialog = page.getByRole("alertdialog", { name: "You will be signed out soon" });
      await dialog.waitFor();
      await checkAccessibility(page, "session warning");
      await dialog.getByRole("button", { name: "Stay signed in" }).click();
      await dialog.waitFor({ state: "hidden" });
      // Then fifteen more: signed out.
      await page.clock.runFor(15 * 60 * 1000 + 5000);
      await heading(page, "Sign in to Casework");
      await page.getByText("You were signed out because you had done nothing for a while").waitFor();
      await checkAccessibility(page, "signed out");
      await page.getByLabel("Username").fill("sam.okafor");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await heading(page, "Record a case note");
      await page.getByText("Your draft has been restored").waitFor();
      assert.equal(await page.getByLabel("What happened").inputValue(), words);
    },
  },
  // SEC-04, GOV-06: a worker with no relationship opens a record only with a reason, their
  // manager reviews it, and the child's team manager sees it in the record's access log.
  {
    name: "break-glass: opened with a reason, reviewed by the manager, seen in the access log",
    async run({ page, base }) {
      await signIn(page, base, "daniel.reyes");
      await page.getByLabel("Find a person").fill("Amelia");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: "Amelia Clarke" }).click();
      await heading(page, "You do not work with this child");
      await checkAccessibility(page, "break-glass offer");
      await page.getByLabel("Why do you need to open this record now?").fill("Police called out of hours about Amelia; Sam cannot be reached.");
      await page.getByRole("button", { name: "Open the record" }).click();
      await heading(page, "Amelia Clarke");
      await signOut(page);

      await signIn(page, base, "grace.obi");
      await page.getByRole("link", { name: "Break-glass to review" }).click();
      await heading(page, "Break-glass openings to review");
      await page.getByText("Police called out of hours about Amelia").waitFor();
      await checkAccessibility(page, "break-glass review");
      await page.getByRole("group", { name: "Was opening the record justified?" }).getByLabel("Yes").check();
      await page.getByRole("button", { name: "Record the review" }).click();
      await page.getByText("Review of daniel.reyes's opening recorded.").waitFor();
      await page.getByText("Nothing is waiting for your review.").waitFor();
      await signOut(page);

      await signIn(page, base, "maureen.hughes");
      await page.getByRole("table").first().getByRole("link", { name: "Amelia Clarke" }).click();
      await heading(page, "Amelia Clarke");
      await page.getByRole("link", { name: "Access log" }).click();
      await page.getByRole("heading", { name: "Access log", level: 2 }).waitFor();
      await page.getByRole("cell", { name: "daniel.reyes" }).first().waitFor();
      await checkAccessibility(page, "access log");
    },
  },
  // TIM-03, TIM-04, TIM-05: a referral starts its clocks; the practitioner shortens one and asks
  // to extend another, consulting one agency's manager; the team manager finds the request, is
  // refused while another agency is not consulted, records it, authorises, and the record shows
  // the statutory date beside the extended one.
  {
    name: "clocks: an extension requested, consulted on and authorised by the team manager",
    async run({ page, base }) {
      await signIn(page, base, "sam.okafor");
      await page.locator("table").first().getByRole("link", { name: "Tyler Brooks" }).click();
      await page.locator(".app-record-summary").waitFor();
      await page.getByRole("link", { name: "Clocks", exact: true }).click();
      await page.getByRole("heading", { name: "Clocks", level: 2 }).waitFor();
      await page.getByRole("link", { name: "Record an event that starts or stops a clock" }).click();
      await heading(page, "Record an event");
      await page.getByRole("button", { name: "Record the event" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "record an event with errors");
      await page.getByLabel("What happened?").selectOption({ label: "Referral received" });
      await page.getByRole("button", { name: "Record the event" }).click();
      const decision = page.locator(".govuk-summary-card", { has: page.getByRole("heading", { name: "Decision on a referral" }) });
      const assessment = page.locator(".govuk-summary-card", { has: page.getByRole("heading", { name: "Child and family assessment" }) });
      await decision.waitFor();
      await checkAccessibility(page, "child's clocks");
      const statutory = await rowValue(decision, "Statutory due date");

      // TIM-03: a shorter timescale for the assessment.
      await assessment.getByRole("link", { name: /Set a shorter timescale/ }).click();
      await heading(page, "Set a shorter timescale");
      await checkAccessibility(page, "set a shorter timescale");
      const soon = londonDate(10);
      await fillDate(page, soon);
      await page.getByLabel("Why does the child's welfare need it sooner?").fill("Younger sibling at risk; the assessment must finish first.");
      await page.getByRole("button", { name: "Set the shorter timescale" }).click();
      await assessment.getByText("Younger sibling at risk").waitFor();

      // TIM-04: the request names two agencies; only the police manager is consulted yet.
      await decision.getByRole("link", { name: /Request an extension/ }).click();
      await heading(page, "Request an extension");
      await page.getByRole("button", { name: "Request the extension" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "request an extension with errors");
      const later = londonDate(30);
      await fillDate(page, later);
      await page.getByLabel("Why can the timescale not be met?").fill("Police checks on the mother's partner are outstanding.");
      await page.getByLabel("Which other agencies are involved?").fill("Police\nHealth");
      await page.getByRole("button", { name: "Request the extension" }).click();
      await decision.getByText("Not yet consulted: Police, Health.").waitFor();
      await decision.getByRole("link", { name: /Record a consultation/ }).click();
      await heading(page, "Record a consultation");
      await checkAccessibility(page, "record a consultation");
      await page.getByLabel("Police", { exact: true }).check();
      await page.getByLabel("The manager's name and post").fill("DI Ruth Marsh, Public Protection Unit");
      await page.getByLabel("What did they say?").fill("Agrees: the checks are due back within three weeks.");
      await page.getByRole("button", { name: "Record the consultation" }).click();
      await decision.getByText("Not yet consulted: Health.").waitFor();
      await page.getByRole("link", { name: "Home" }).click();
      await heading(page, "Your work");
      await page.getByRole("table", { name: "Due and overdue for you" }).getByText("Decision on a referral").waitFor();
      await checkAccessibility(page, "home with clocks due");
      await signOut(page);

      // The allocated team's manager finds it, is told what is missing, then authorises.
      await signIn(page, base, "maureen.hughes");
      await page.getByRole("table", { name: "Due and overdue for your team" }).getByText("Tyler Brooks").first().waitFor();
      await page.getByRole("link", { name: "Extension requests" }).click();
      await heading(page, "Extension requests to authorise");
      await checkAccessibility(page, "extension requests to authorise");
      await page.getByRole("link", { name: /Decide on the Decision on a referral extension for Tyler Brooks/ }).click();
      await heading(page, "Decide on the extension");
      await page.getByLabel("Authorise the extension").check();
      await page.getByLabel("Your reason").fill("Police and health agree the checks are needed for a safe decision.");
      await page.getByRole("button", { name: "Record the decision" }).click();
      await page.getByRole("link", { name: /consultation with the manager of Health/ }).waitFor();
      await checkAccessibility(page, "decide on an extension, refused");
      await page.getByRole("link", { name: "Cancel" }).click();
      await decision.getByRole("link", { name: /Record a consultation/ }).click();
      await heading(page, "Record a consultation");
      await page.getByLabel("Health", { exact: true }).check();
      await page.getByLabel("The manager's name and post").fill("Nadia Shah, named nurse");
      await page.getByLabel("What did they say?").fill("No objection.");
      await page.getByRole("button", { name: "Record the consultation" }).click();
      await decision.getByRole("link", { name: /Decide on the extension/ }).click();
      await heading(page, "Decide on the extension");
      await page.getByLabel("Authorise the extension").check();
      await page.getByLabel("Your reason").fill("Police and health agree the checks are needed for a safe decision.");
      await page.getByRole("button", { name: "Record the decision" }).click();
      await decision.locator(".govuk-summary-list__key", { hasText: "Extended to" }).waitFor();
      assert.equal(await rowValue(decision, "Extended to"), later.text);
      assert.equal(await rowValue(decision, "Statutory due date"), statutory);
      assert.equal(await rowValue(decision, "Due by"), later.text);
      assert.match(await decision.textContent(), /authorised/);
      await checkAccessibility(page, "child's clocks after an extension");
      // The manager allocates the record to the new starter in her team.
      await page.getByRole("link", { name: "Allocate the record" }).click();
      await heading(page, "Allocate the record");
      await checkAccessibility(page, "allocate the record");
      await page.getByLabel("Ola Adeyemi").check();
      await page.getByRole("button", { name: "Allocate", exact: true }).click();
      await page.getByText("Allocated to Ola Adeyemi, Social Worker in Assessment Team North").waitFor();
      await page.getByRole("link", { name: "Overdue clocks" }).click();
      await heading(page, "Overdue clocks");
      await page.getByRole("link", { name: "The service" }).click();
      await page.waitForURL(/scope=service/);
      await checkAccessibility(page, "overdue clocks");
    },
  },
  // REC-04, REC-05, ENT-04: an unborn child's record becomes the baby's at birth, the
  // registration is recorded, an alias and the birth certificate are added, and the mother is
  // linked; the manager who gave information for an entry countersigns it.
  {
    name: "identity: unborn to born and registered, an alias, the birth certificate, the mother, and a countersignature",
    async run({ page, base }) {
      await signIn(page, base, "sam.okafor");
      const family = `Unborntest${Date.now() % 100000}`;
      await page.getByRole("link", { name: "Record an unborn child" }).click();
      await heading(page, "Record an unborn child");
      await page.getByRole("button", { name: "Record the unborn child" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "record an unborn child with errors");
      await page.getByLabel("Mother's family name").fill(family);
      await fillDate(page, londonDate(30));
      await page.getByRole("button", { name: "Record the unborn child" }).click();
      await heading(page, `Unborn ${family}`);
      await page.getByRole("link", { name: "Record the birth" }).click();
      await heading(page, "Record the birth");
      await checkAccessibility(page, "record the birth");
      await page.getByLabel("Given names").fill("Rosa");
      await page.getByLabel("Family name").fill(family);
      await fillDate(page, londonDate(0));
      await page.getByRole("button", { name: "Record the birth" }).click();
      await page.getByRole("heading", { name: "Details", level: 2 }).waitFor();
      await heading(page, `Rosa ${family}`);
      await page.getByRole("link", { name: /Birth registration: due by/ }).waitFor();
      await page.getByRole("link", { name: "Record that the birth was registered" }).click();
      await heading(page, "Record that the birth was registered");
      await checkAccessibility(page, "record the registration");
      await fillDate(page, londonDate(0));
      await page.getByRole("button", { name: "Record the registration" }).click();
      await page.getByRole("heading", { name: "Details", level: 2 }).waitFor();
      await page.getByRole("link", { name: "Record an alias or previous name" }).click();
      await heading(page, "Record an alias or previous name");
      await checkAccessibility(page, "record an alias");
      await page.getByLabel("An alias or other name the child is known by").check();
      await page.getByLabel("Given names").fill("Rosie");
      await page.getByLabel("Family name").fill(family);
      await page.getByRole("button", { name: "Record the name" }).click();
      await page.getByText(`Rosie ${family} (alias)`).waitFor();
      await page.getByRole("link", { name: "Record that the birth certificate was seen" }).click();
      await heading(page, "Record that the birth certificate was seen");
      await checkAccessibility(page, "record the birth certificate");
      await page.getByLabel("Given names on the certificate").fill("Rosa");
      await page.getByLabel("Family name on the certificate").fill(family);
      await fillDate(page, londonDate(0));
      await page.getByRole("button", { name: "Record the certificate" }).click();
      await page.getByRole("heading", { name: "Details", level: 2 }).waitFor();
      await page.getByText(`Seen on ${londonDate(0).text}`).waitFor();
      await page.getByText("Allocated to Sam Okafor, Social Worker in Assessment Team North").waitFor();

      // REC-01, EQU-03: the mother, not yet recorded, is added as a parent living with her.
      await page.getByRole("link", { name: "Relationships", exact: true }).click();
      await page.getByRole("link", { name: "Add a family member or other person" }).click();
      await heading(page, "Add a family member or other person");
      await page.getByRole("button", { name: "Add the person" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "add a family member with errors");
      // Enter in the name box searches rather than submitting the form.
      await page.getByLabel("Find them by name").fill(`Jade ${family}`);
      await page.getByLabel("Find them by name").press("Enter");
      await page.getByText("No one else is recorded with that name.").waitFor();
      await page.getByLabel("They are not recorded yet").check();
      await page.getByLabel("Given names").fill("Jade");
      await page.getByLabel("Family name").fill(family);
      await page.getByLabel("Parent", { exact: true }).check();
      await page.getByRole("group", { name: "Do they have parental responsibility?" }).getByLabel("Yes").check();
      await page.getByRole("group", { name: "Do they live with the child?" }).getByLabel("Yes").check();
      await checkAccessibility(page, "add a family member");
      await page.getByRole("button", { name: "Add the person" }).click();
      const row = page.getByRole("table", { name: "Relationships" }).getByRole("row", { name: new RegExp(`Jade ${family}`) });
      assert.match(await row.textContent(), /parent\s*Yes\s*Yes/);
      await signOut(page);

      // The seed recorded a note of what Maureen said, naming her; she countersigns it.
      await signIn(page, base, "maureen.hughes");
      await page.getByRole("table", { name: "Your team's children" }).getByRole("link", { name: "Amelia Clarke" }).click();
      await heading(page, "Amelia Clarke");
      const button = page.getByRole("button", { name: /Countersign entry no\. \d+/ });
      await button.waitFor();
      await checkAccessibility(page, "journal with an entry to countersign");
      await button.click();
      await page.getByText(/Countersigned by Maureen Hughes, Team Manager/).waitFor();
    },
  },
  // SEC-01, SEC-03: a new starter must choose their own password, which is checked for
  // strength, before anything else; then they see where they are signed in.
  {
    name: "a new starter changes their password first, then sees where they are signed in",
    async run({ page, base }) {
      await page.goto(`${base}/`);
      await heading(page, "Sign in to Casework");
      await page.getByLabel("Username").fill("ola.new");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await heading(page, "Change your password");
      await page.getByText("You need to choose a new password before you carry on.").waitFor();
      await checkAccessibility(page, "change password");
      await page.getByLabel("Current password").fill(PASSWORD);
      await page.getByLabel("New password", { exact: true }).fill("MyCasework2026");
      await page.getByLabel("New password again").fill("MyCasework2026");
      await page.getByRole("button", { name: "Change password" }).click();
      await page.locator(".govuk-error-message").first().waitFor();
      await checkAccessibility(page, "change password with errors");
      const strong = "Orchard-Kettle-Lantern-82";
      await page.getByLabel("New password", { exact: true }).fill(strong);
      await page.getByLabel("New password again").fill(strong);
      await page.getByRole("button", { name: "Change password" }).click();
      await heading(page, "Your account");
      await page.getByText("Your password has been changed.").waitFor();
      await page.getByRole("cell", { name: "This browser" }).waitFor();
      await checkAccessibility(page, "your account");
      await page.getByRole("link", { name: "Home" }).click();
      await heading(page, "Your work");
    },
  },
  // SEC-03: two-factor sign-in set up with an app, then asked for at sign-in; a wrong code
  // is refused.
  {
    name: "two-factor sign-in: set up with an app, then a code is needed to sign in",
    async run({ page, base }) {
      await signIn(page, base, "lee.khan");
      await page.getByRole("link", { name: "Your account" }).click();
      await heading(page, "Your account");
      await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
      const key = (await page.locator("#secret-key").textContent()).trim();
      await page.getByRole("img", { name: "QR code for your authenticator app to scan" }).waitFor();
      await checkAccessibility(page, "two-factor set-up");
      const app = new AuthenticatorApp(key);
      await page.getByLabel("Code from the app").fill(app.wrong());
      await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await page.locator(".govuk-error-message").first().waitFor();
      await checkAccessibility(page, "two-factor set-up with a wrong code");
      await page.getByLabel("Code from the app").fill(await app.fresh());
      await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await page.getByText("Two-factor sign-in is on. You will be asked for a code when you next sign in.").waitFor();
      await signOut(page);

      await page.goto(`${base}/`);
      await heading(page, "Sign in to Casework");
      await page.getByLabel("Username").fill("lee.khan");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await heading(page, "Enter the code from your authenticator app");
      await checkAccessibility(page, "sign-in code");
      await page.getByLabel("Code", { exact: true }).fill(app.wrong());
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await checkAccessibility(page, "sign-in code with errors");
      const code = await app.fresh();
      await page.getByLabel("Code", { exact: true }).fill(`${code.slice(0, 3)} ${code.slice(3)}`);
      await page.getByRole("button", { name: "Continue" }).click();
      await heading(page, "Your work");
    },
  },
];
