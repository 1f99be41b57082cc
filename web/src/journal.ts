// How journal items read on the page: what kind of thing each is, and what it says.
import { basisLabel } from "./sharing";
import { formatDate } from "./format";
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
  "timescale.event": "Event recorded",
  "clock.started": "Clock started",
  "clock.stopped": "Clock met",
  "clock.ended": "Clock ended",
  "clock.shortened": "Shorter timescale set",
  "clock.extension_requested": "Extension requested",
  "clock.consultation_recorded": "Consultation recorded",
  "clock.extended": "Extension authorised",
  "clock.extension_declined": "Extension declined",
};

export function kindLabel(item: JournalItem): string {
  if (item.target_id && item.body?.correction_reason) return `Correction: ${KIND_LABELS[item.kind] ?? item.kind}`;
  return KIND_LABELS[item.kind] ?? item.kind.replace(/[._]/g, " ");
}

export function isCorrection(item: JournalItem): boolean {
  return Boolean(item.target_id && item.body?.correction_reason);
}

// Lines describing an event or a change to a clock (TIM-03, TIM-04): which clock, its dates,
// and the reason, request or consultation behind the change.
export function clockFacts(item: JournalItem): [string, string][] {
  const b = item.body ?? {};
  const facts: [string, string][] = [];
  if (item.kind === "timescale.event") {
    facts.push(["Event", b.name ?? b.event]);
    if (b.occurred_on) facts.push(["Happened on", formatDate(b.occurred_on)]);
    if (b.note) facts.push(["Note", b.note]);
    return facts;
  }
  if (!item.kind.startsWith("clock.")) return facts;
  if (b.name) facts.push(["Clock", b.name]);
  if (b.agency) facts.push(["Agency", b.agency]);
  if (b.manager_name) facts.push(["Manager consulted", b.manager_name]);
  if (b.view) facts.push(["What they said", b.view]);
  if (b.statutory_due) facts.push(["Statutory due date", formatDate(b.statutory_due)]);
  if (b.previous_due) facts.push(["Was due by", formatDate(b.previous_due)]);
  if (b.due) facts.push(["Due by", formatDate(b.due)]);
  if (b.proposed_due) facts.push(["Extension asked for", formatDate(b.proposed_due)]);
  if (b.agencies?.length) facts.push(["Other agencies", b.agencies.join(", ")]);
  if (b.stopped_on) facts.push([item.kind === "clock.stopped" ? "Met on" : "Ended on", formatDate(b.stopped_on)]);
  if (b.late_against_statutory) facts.push(["Late", "After the statutory date"]);
  if (b.reason) facts.push(["Reason", b.reason]);
  return facts;
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
