import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { JournalItem } from "../types";
import { Item } from "./Journal";

const note: JournalItem = {
  id: "I1", record_id: "R1", seq: 3, kind: "entry.case_note",
  author: { user_id: "U1", name: "Sam Okafor", post_title: "Social worker" },
  recorded_at: "2026-11-02T10:00:00Z", occurred_at: "2026-11-02T09:00:00Z", late_entry: false, target_id: null,
  body: { type: "case_note", text: "Referral to CAMHS discussed with the GP and the SENCO.", classification: "fact", source: { first_hand: true } },
  corrected_by: [], countersignature: null, awaiting_countersignature: false,
};

describe("Journal item", () => {
  it("ENT09 expands the acronyms the partnership's glossary knows, leaving others as written", () => {
    const glossary = new Map([["CAMHS", "Child and Adolescent Mental Health Services"], ["GP", "General practitioner"]]);
    const html = render(<Item item={note} bySeq={new Map()} recordId="R1" userId="U2" glossary={glossary} onCountersign={() => {}} />);
    expect(html).toContain('Referral to <abbr title="Child and Adolescent Mental Health Services">CAMHS</abbr> discussed with the <abbr title="General practitioner">GP</abbr> and the SENCO.');
  });
});
