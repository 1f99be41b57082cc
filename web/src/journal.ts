// How journal items read on the page: what kind of thing each is, and what it says.
import { basisLabel } from "./sharing";
import type { JournalItem } from "./types";

export const ENTRY_TYPES: { value: string; label: string }[] = [
  { value: "case_note", label: "Case notes" },
  { value: "contact", label: "Contacts" },
  { value: "visit", label: "Visits" },
  { value: "decision", label: "Decisions" },
];

const KIND_LABELS: Record<string, string> = {
  "person.created": "Person recorded",
  "person.details_changed": "Details changed",
  "person.address_changed": "Address changed",
  "person.name_added": "Name added",
  "person.birth_certificate_seen": "Birth certificate seen",
  "person.birth_recorded": "Birth recorded",
  "person.birth_registered": "Birth registered",
  "record.opened": "Record opened",
  "record.allocated": "Record allocated",
  "relationship.added": "Relationship added",
  "relationship.ended": "Relationship ended",
  "entry.case_note": "Case note",
  "entry.contact": "Contact",
  "entry.visit": "Visit",
  "entry.decision": "Decision",
  "entry.countersigned": "Countersigned",
  "consent.recorded": "Consent to share",
  "information.disclosed": "Information shared",
};

export function kindLabel(item: JournalItem): string {
  if (item.target_id && item.body?.correction_reason) return `Correction: ${KIND_LABELS[item.kind] ?? item.kind}`;
  return KIND_LABELS[item.kind] ?? item.kind.replace(/[._]/g, " ");
}

export function isCorrection(item: JournalItem): boolean {
  return Boolean(item.target_id && item.body?.correction_reason);
}

// Lines describing an entry's particular fields: who was seen, who decided and why.
export function entryFacts(body: Record<string, any>): [string, string][] {
  const facts: [string, string][] = [];
  if (body.classification) facts.push(["Classified as", body.classification]);
  if (body.source) {
    facts.push(["Source", body.source.first_hand ? "First-hand" : `Third-party: ${body.source.name}${body.source.relationship ? ` (${body.source.relationship})` : ""}`]);
  }
  if (body.provided_by) facts.push(["Information given by", [body.provided_by.name, body.provided_by.post_title].filter(Boolean).join(", ")]);
  const v = body.visit;
  if (v) {
    facts.push(["Child seen", v.child_seen ? "Yes" : `No${v.not_seen_reason ? `: ${v.not_seen_reason}` : ""}`]);
    if (v.child_seen) facts.push(["Seen alone", v.seen_alone ? "Yes" : `No${v.not_seen_alone_reason ? `: ${v.not_seen_alone_reason}` : ""}`]);
  }
  const c = body.contact;
  if (c) {
    facts.push(["How", String(c.method).replace(/_/g, " ")]);
    if (c.participants?.length) facts.push(["Who took part", c.participants.map((p: any) => [p.name, p.role, p.agency].filter(Boolean).join(", ")).join("; ")]);
    if (c.decisions) facts.push(["Decided", c.decisions]);
    for (const a of c.actions ?? []) facts.push(["Action", `${a.description}: ${a.responsible}, by ${a.due}`]);
  }
  const d = body.decision;
  if (d && typeof d === "object") {
    facts.push(["Decided by", `${d.decided_by}, ${d.decided_by_post_title}`]);
    facts.push(["Reasons", d.reasons]);
    facts.push(["Review by", d.review_date]);
  }
  if (body.wishes_and_feelings) facts.push(["Child's wishes and feelings", body.wishes_and_feelings]);
  else if (body.wishes_not_obtained_reason) facts.push(["Wishes and feelings not obtained because", body.wishes_not_obtained_reason]);
  if (body.correction_reason) facts.push(["Reason for correction", body.correction_reason]);
  if (body.consent_id && typeof body.decision === "string") {
    facts.push(["Purpose", body.purpose], ["Consent", body.decision], ["Decided by", `${body.decided_by}, ${body.decided_on}`]);
  }
  if (body.disclosure_id) {
    facts.push(["Shared with", [body.recipient, body.recipient_agency].filter(Boolean).join(", ")], ["What", body.information],
      ["Why", body.purpose], ["Lawful basis", basisLabel(body.lawful_basis)]);
    if (body.decided_by) facts.push(["Decided by", body.decided_by]);
  }
  return facts;
}
