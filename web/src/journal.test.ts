import { describe, expect, it } from "vitest";
import { clockFacts, kindLabel } from "./journal";
import type { JournalItem } from "./types";

function item(kind: string, body: Record<string, any>): JournalItem {
  return {
    id: "I1", record_id: "P1", seq: 7, kind, author: { user_id: "U1", name: "Maureen Hughes", post_title: "Team Manager" },
    recorded_at: "2026-11-10T09:00:00Z", occurred_at: null, late_entry: false, target_id: "K1", body, corrected_by: [],
    countersignature: null, awaiting_countersignature: false,
  };
}

// TIM-03, TIM-04: every change to a clock reads in the journal with its dates and its reasons.
describe("clock changes in the journal", () => {
  it("TIM04 shows an authorised extension with the statutory date kept", () => {
    const i = item("clock.extended", {
      name: "Decision on a referral", statutory_due: "2026-11-09", due: "2026-11-20", previous_due: "2026-11-09",
      reason: "Police and health agree.",
    });
    expect(kindLabel(i)).toBe("Extension authorised");
    expect(clockFacts(i)).toEqual([
      ["Clock", "Decision on a referral"], ["Statutory due date", "9 November 2026"], ["Was due by", "9 November 2026"],
      ["Due by", "20 November 2026"], ["Reason", "Police and health agree."],
    ]);
  });
  it("TIM04 shows who was consulted and what they said", () => {
    const i = item("clock.consultation_recorded", { agency: "Police", manager_name: "DI Marsh", view: "Agrees." });
    expect(kindLabel(i)).toBe("Consultation recorded");
    expect(clockFacts(i)).toEqual([["Agency", "Police"], ["Manager consulted", "DI Marsh"], ["What they said", "Agrees."]]);
  });
  it("shows the event that started clocks, and nothing extra for other entries", () => {
    expect(clockFacts(item("timescale.event", { event: "referral_received", name: "Referral received", occurred_on: "2026-11-06" })))
      .toEqual([["Event", "Referral received"], ["Happened on", "6 November 2026"]]);
    expect(clockFacts(item("entry.visit", { reason: "not a clock" }))).toEqual([]);
  });
});
