// The fields of the form for a case note, contact, visit or decision, and the entry the API
// receives from them. Checks here only spare a round trip; the server's rules decide.
import type { Errors } from "./components/fields";
import type { DateParts } from "./components/fields";
import { dateFromParts, londonDateTimeToIso, londonNow } from "./format";

export type EntryType = "case_note" | "contact" | "visit" | "decision";

export const ENTRY_TITLES: Record<EntryType, string> = {
  case_note: "Record a case note",
  contact: "Record a contact",
  visit: "Record a visit",
  decision: "Record a decision",
};

export interface Person { name: string; role: string; agency: string }
export interface ActionRow { description: string; responsible: string; due: DateParts }

export interface EntryFields {
  when: DateParts;
  time: string;
  title: string;
  text: string;
  classification: string;
  first_hand: string;  // "yes" | "no" | ""
  source_name: string;
  source_relationship: string;
  on_behalf: boolean;
  provided_name: string;
  provided_post: string;
  significant: boolean;
  wishes: string;
  wishes_not_obtained: string;
  child_seen: string;
  seen_alone: string;
  not_seen_reason: string;
  not_seen_alone_reason: string;
  method: string;
  participants: Person[];
  decisions: string;
  actions: ActionRow[];
  decided_by: string;
  decided_by_post_title: string;
  reasons: string;
  review: DateParts;
  correction_reason: string;  // only when correcting an earlier entry
}

const noDate = (): DateParts => ({ day: "", month: "", year: "" });

export function emptyEntry(now: { day: string; month: string; year: string; time: string }): EntryFields {
  return {
    when: { day: now.day, month: now.month, year: now.year }, time: now.time, title: "", text: "",
    classification: "", first_hand: "", source_name: "", source_relationship: "", on_behalf: false,
    provided_name: "", provided_post: "", significant: false, wishes: "", wishes_not_obtained: "",
    child_seen: "", seen_alone: "", not_seen_reason: "", not_seen_alone_reason: "",
    method: "", participants: [{ name: "", role: "", agency: "" }], decisions: "",
    actions: [], decided_by: "", decided_by_post_title: "", reasons: "", review: noDate(),
    correction_reason: "",
  };
}

// The entry to send, or the errors that stop it being sent.
export function buildEntry(type: EntryType, f: EntryFields): { entry?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  const day = dateFromParts(f.when.day, f.when.month, f.when.year);
  let occurred: string | null = null;
  if (!day.date) errors.occurred_at = "Enter the date it happened, such as 27 3 2026";
  else {
    occurred = londonDateTimeToIso(day.date, f.time);
    if (!occurred) errors["occurred_at-time"] = "Enter the time it happened, such as 14:30 or 2:30pm";
  }
  if (!f.text.trim()) errors.text = "Enter what happened";
  if (!f.classification) errors.classification = "Choose whether this is fact, opinion, assessment, judgement or decision";
  if (!f.first_hand) errors["source-first_hand"] = "Say whether you saw or heard this yourself";
  if (f.first_hand === "no" && !f.source_name.trim()) errors["source-name"] = "Enter who gave the information";
  if (f.on_behalf && !f.provided_name.trim()) errors["provided_by-name"] = "Enter who gave you the information to record";

  const entry: Record<string, unknown> = {
    type,
    occurred_at: occurred,
    text: f.text,
    classification: f.classification,
    source: { first_hand: f.first_hand === "yes", name: f.first_hand === "no" ? f.source_name : "", relationship: f.first_hand === "no" ? f.source_relationship : "" },
    significant: f.significant,
  };
  if (f.title.trim()) entry.title = f.title.trim();
  if (f.on_behalf) entry.provided_by = { name: f.provided_name, post_title: f.provided_post };
  if (f.wishes.trim()) entry.wishes_and_feelings = f.wishes;
  else if (f.wishes_not_obtained.trim()) entry.wishes_not_obtained_reason = f.wishes_not_obtained;

  if (type === "visit") {
    if (!f.child_seen) errors["visit-child_seen"] = "Say whether you saw the child";
    const seen = f.child_seen === "yes";
    if (seen && !f.seen_alone) errors["visit-seen_alone"] = "Say whether you saw the child alone";
    entry.visit = {
      child_seen: seen,
      seen_alone: seen && f.seen_alone === "yes",
      not_seen_reason: seen ? "" : f.not_seen_reason,
      not_seen_alone_reason: seen && f.seen_alone === "no" ? f.not_seen_alone_reason : "",
    };
  }
  if (type === "contact") {
    if (!f.method) errors["contact-method"] = "Choose how the contact happened";
    const people = f.participants.filter((p) => p.name.trim() || p.role.trim() || p.agency.trim());
    if (people.length === 0) errors["contact-participants-0-name"] = "Enter who took part";
    const actions = f.actions.filter((a) => a.description.trim() || a.responsible.trim());
    const sent = actions.map((a, i) => {
      const due = dateFromParts(a.due.day, a.due.month, a.due.year);
      if (!due.date) errors[`contact-actions-${i}-due`] = `Enter when action ${i + 1} is due`;
      return { description: a.description, responsible: a.responsible, due: due.date };
    });
    entry.contact = { method: f.method, participants: people, decisions: f.decisions, actions: sent };
  }
  if (type === "decision") {
    const review = dateFromParts(f.review.day, f.review.month, f.review.year);
    if (!f.decided_by.trim()) errors["decision-decided_by"] = "Enter who made the decision";
    if (!f.decided_by_post_title.trim()) errors["decision-decided_by_post_title"] = "Enter the post title of who decided";
    if (!f.reasons.trim()) errors["decision-reasons"] = "Enter the reasons for the decision";
    if (!review.date) errors["decision-review_date"] = "Enter when the decision is to be reviewed";
    entry.decision = { decided_by: f.decided_by, decided_by_post_title: f.decided_by_post_title, reasons: f.reasons, review_date: review.date };
  }
  return Object.keys(errors).length ? { errors } : { entry, errors };
}

// The form's fields holding what an entry already says, for writing its correction.
export function fieldsFromEntry(body: Record<string, any>, now: { day: string; month: string; year: string; time: string }): EntryFields {
  const f = emptyEntry(now);
  if (body.occurred_at) {
    const when = londonNow(new Date(body.occurred_at));
    f.when = { day: when.day, month: when.month, year: when.year };
    f.time = when.time;
  }
  f.title = body.title ?? "";
  f.text = body.text ?? "";
  f.classification = body.classification ?? "";
  if (body.source) {
    f.first_hand = body.source.first_hand ? "yes" : "no";
    f.source_name = body.source.name ?? "";
    f.source_relationship = body.source.relationship ?? "";
  }
  if (body.provided_by) {
    f.on_behalf = true;
    f.provided_name = body.provided_by.name ?? "";
    f.provided_post = body.provided_by.post_title ?? "";
  }
  f.significant = Boolean(body.significant);
  f.wishes = body.wishes_and_feelings ?? "";
  f.wishes_not_obtained = body.wishes_not_obtained_reason ?? "";
  const v = body.visit;
  if (v) {
    f.child_seen = v.child_seen ? "yes" : "no";
    f.seen_alone = v.child_seen ? (v.seen_alone ? "yes" : "no") : "";
    f.not_seen_reason = v.not_seen_reason ?? "";
    f.not_seen_alone_reason = v.not_seen_alone_reason ?? "";
  }
  const c = body.contact;
  if (c) {
    f.method = c.method ?? "";
    f.participants = (c.participants ?? []).map((p: any) => ({ name: p.name ?? "", role: p.role ?? "", agency: p.agency ?? "" }));
    f.decisions = c.decisions ?? "";
    f.actions = (c.actions ?? []).map((a: any) => {
      const [y, m, d] = String(a.due ?? "").split("-");
      return { description: a.description ?? "", responsible: a.responsible ?? "", due: { day: d ? String(Number(d)) : "", month: m ? String(Number(m)) : "", year: y ?? "" } };
    });
  }
  const d = body.decision;
  if (d) {
    f.decided_by = d.decided_by ?? "";
    f.decided_by_post_title = d.decided_by_post_title ?? "";
    f.reasons = d.reasons ?? "";
    const [y, m, day] = String(d.review_date ?? "").split("-");
    f.review = { day: day ? String(Number(day)) : "", month: m ? String(Number(m)) : "", year: y ?? "" };
  }
  return f;
}
