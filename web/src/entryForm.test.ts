import { describe, expect, it } from "vitest";
import { buildEntry, emptyEntry, EntryFields, fieldsFromEntry } from "./entryForm";
import { fieldId } from "./errors";

const now = { day: "20", month: "11", year: "2026", time: "10:00" };

function filled(extra: Partial<EntryFields> = {}): EntryFields {
  return { ...emptyEntry(now), text: "Home visit.", classification: "fact", first_hand: "yes", ...extra };
}

describe("buildEntry", () => {
  // ENT-03: every entry is classified and says whether it is first-hand or from whom.
  it("ENT03 refuses an entry without a classification or source", () => {
    const { entry, errors } = buildEntry("case_note", { ...emptyEntry(now), text: "x" });
    expect(entry).toBeUndefined();
    expect(errors.classification).toBeTruthy();
    expect(errors["source-first_hand"]).toBeTruthy();
  });
  it("ENT03 names the third party who gave the information", () => {
    expect(buildEntry("case_note", filled({ first_hand: "no" })).errors["source-name"]).toBeTruthy();
    const { entry } = buildEntry("case_note", filled({ first_hand: "no", source_name: "Mrs Patel", source_relationship: "teacher" }));
    expect(entry!.source).toEqual({ first_hand: false, name: "Mrs Patel", relationship: "teacher" });
  });
  // ENT-08: a visit says whether the child was seen, and seen alone.
  it("ENT08 asks whether the child was seen and seen alone", () => {
    expect(buildEntry("visit", filled()).errors["visit-child_seen"]).toBeTruthy();
    expect(buildEntry("visit", filled({ child_seen: "yes" })).errors["visit-seen_alone"]).toBeTruthy();
    const { entry } = buildEntry("visit", filled({ child_seen: "yes", seen_alone: "yes", wishes: "I like school" }));
    expect(entry).toMatchObject({
      type: "visit",
      occurred_at: "2026-11-20T10:00:00Z",
      visit: { child_seen: true, seen_alone: true },
      wishes_and_feelings: "I like school",
    });
  });
  // ENT-05: a decision records who decided, why, and when it is reviewed.
  it("ENT05 requires who decided, the reasons and a review date", () => {
    const { errors } = buildEntry("decision", filled({ classification: "decision" }));
    expect(Object.keys(errors).sort()).toEqual(["decision-decided_by", "decision-decided_by_post_title", "decision-reasons", "decision-review_date"]);
    const { entry } = buildEntry("decision", filled({ decided_by: "M Hughes", decided_by_post_title: "Team Manager",
      reasons: "Risk reduced", review: { day: "1", month: "2", year: "2027" } }));
    expect(entry!.decision).toEqual({ decided_by: "M Hughes", decided_by_post_title: "Team Manager", reasons: "Risk reduced", review_date: "2027-02-01" });
  });
  // ENT-07: contacts list who took part and who owns each action.
  it("ENT07 sends participants and actions, leaving out empty rows", () => {
    const { entry } = buildEntry("contact", filled({
      method: "telephone",
      participants: [{ name: "Ms Ali", role: "Mother", agency: "" }, { name: "", role: "", agency: "" }],
      actions: [{ description: "Book the meeting", responsible: "Sam", due: { day: "1", month: "12", year: "2026" } }],
    }));
    expect(entry!.contact).toEqual({
      method: "telephone", participants: [{ name: "Ms Ali", role: "Mother", agency: "" }], decisions: "",
      actions: [{ description: "Book the meeting", responsible: "Sam", due: "2026-12-01" }],
    });
  });
});

describe("fieldId", () => {
  it("maps the server's field paths to the form's ids", () => {
    expect(fieldId("visit.child_seen")).toBe("visit-child_seen");
    expect(fieldId("contact.participants[0].name")).toBe("contact-participants-0-name");
  });
});

// ENT-06: a correction starts from what the entry said, and sends the same entry back.
describe("fieldsFromEntry", () => {
  it("ENT06 round-trips a visit through the form", () => {
    const body = {
      type: "visit", occurred_at: "2026-07-01T13:30:00.000000Z", title: "", text: "Saw Amelia.",
      classification: "fact", source: { first_hand: true, name: "", relationship: "" }, significant: true,
      wishes_and_feelings: "Happy", wishes_not_obtained_reason: "",
      visit: { child_seen: true, seen_alone: false, not_seen_reason: "", not_seen_alone_reason: "Mother stayed" },
    };
    const f = fieldsFromEntry(body, now);
    expect(f.when).toEqual({ day: "1", month: "7", year: "2026" });
    expect(f.time).toBe("14:30");
    const { entry } = buildEntry("visit", f);
    expect(entry).toMatchObject({
      occurred_at: "2026-07-01T13:30:00Z", text: "Saw Amelia.", significant: true, wishes_and_feelings: "Happy",
      visit: { child_seen: true, seen_alone: false, not_seen_alone_reason: "Mother stayed" },
    });
  });
});
