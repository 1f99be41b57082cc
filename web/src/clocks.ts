// How clocks read on the pages, and the bodies the API receives from the clock forms. Checks
// here only spare a round trip; the server's rules decide (TIM-03, TIM-04, TIM-05).
import type { DateParts, Errors } from "./components/fields";
import { dateFromParts, formatDate, londonDateTimeToIso, plural } from "./format";
import type { Clock, ExtensionRequest } from "./types";

export type TagColour = "red" | "yellow" | "blue" | "green" | "grey" | "orange";

// The clock's state in a word or two, and the GOV.UK tag colour for it.
export function clockState(c: Clock): { text: string; colour: TagColour } {
  if (c.status === "met") return c.late_against_statutory ? { text: "Met late", colour: "orange" } : { text: "Met", colour: "green" };
  if (c.status === "ended") return { text: "Ended", colour: "grey" };
  if (c.days_overdue > 0) return { text: "Overdue", colour: "red" };
  if (pendingExtension(c)) return { text: "Extension requested", colour: "yellow" };
  return { text: "Running", colour: "blue" };
}

export function daysOverdueText(days: number): string {
  return days > 0 ? plural(days, "day", "days") : "Not overdue";
}

export function pendingExtension(c: Clock): ExtensionRequest | undefined {
  return c.extensions?.find((e) => e.status === "pending");
}

// Which date governs and why, for readers who need to know the statutory date was kept (TIM-04).
export function governingDate(c: Clock): string {
  if (c.extended_due && c.due === c.extended_due) return `${formatDate(c.due)} (extended; statutory date ${formatDate(c.statutory_due)})`;
  if (c.shortened_due && c.due === c.shortened_due) return `${formatDate(c.due)} (shorter for the child's welfare)`;
  return formatDate(c.due);
}

export function openClocks(clocks: Clock[]): Clock[] {
  return clocks.filter((c) => c.status === "open");
}

export function stoppedClocks(clocks: Clock[]): Clock[] {
  return clocks.filter((c) => c.status !== "open");
}

// Earliest due first; the most overdue first among equals, then by name so the order is stable.
export function byDueDate<T extends Clock>(clocks: T[]): T[] {
  return [...clocks].sort((a, b) => a.due.localeCompare(b.due) || b.days_overdue - a.days_overdue || a.name.localeCompare(b.name));
}

export function overdueOnly<T extends Clock>(clocks: T[]): T[] {
  return clocks.filter((c) => c.days_overdue > 0);
}

// "Police, Health" or one per line, as typed: each agency once, in the order given.
export function agencyList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n,;]/)) {
    const name = part.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

type Built = { body: Record<string, unknown> | null; errors: Errors };

function built(body: Record<string, unknown>, errors: Errors): Built {
  return { body: Object.keys(errors).length ? null : body, errors };
}

function readDate(parts: DateParts, id: string, missing: string, errors: Errors): string | null {
  const d = dateFromParts(parts.day, parts.month, parts.year);
  if (!d.date) errors[id] = d.error ? `The date ${d.error}` : missing;
  return d.date;
}

export interface ShorterFields { due: DateParts; reason: string }

// TIM-03: an earlier date and why the child's welfare needs it.
export function buildShorter(c: Clock, f: ShorterFields): Built {
  const errors: Errors = {};
  const due = readDate(f.due, "due", "Enter the earlier date by which it must be done", errors);
  if (due && due >= c.due) errors.due = `The date must be earlier than the date that governs now, ${formatDate(c.due)}`;
  if (!f.reason.trim()) errors.reason = "Say why the child's welfare needs it sooner";
  return built({ due, reason: f.reason.trim() }, errors);
}

export interface ExtensionFields { proposed_due: DateParts; reason: string; agencies: string }

// TIM-04: the later date asked for, why, and the other agencies whose managers must be consulted.
export function buildExtension(c: Clock, f: ExtensionFields): Built {
  const errors: Errors = {};
  const proposed = readDate(f.proposed_due, "proposed_due", "Enter the date you are asking for", errors);
  if (proposed && proposed <= c.due) errors.proposed_due = `The date must be later than the date that governs now, ${formatDate(c.due)}`;
  if (!f.reason.trim()) errors.reason = "Say why the timescale cannot be met";
  const agencies = agencyList(f.agencies);
  if (agencies.length === 0) errors.agencies = "Name the other agencies involved, whose managers must be consulted";
  return built({ reason: f.reason.trim(), proposed_due: proposed, agencies }, errors);
}

export interface ConsultationFields { agency: string; manager_name: string; when: DateParts; time: string; view: string }

// TIM-04: who was consulted, from which agency, when, and what they said.
export function buildConsultation(f: ConsultationFields): Built {
  const errors: Errors = {};
  if (!f.agency) errors.agency = "Choose the agency whose manager you consulted";
  if (!f.manager_name.trim()) errors.manager_name = "Enter the name of the manager you consulted";
  const day = readDate(f.when, "consulted_at", "Enter the date you consulted them", errors);
  let at: string | null = null;
  if (day) {
    at = londonDateTimeToIso(day, f.time || "12:00");
    if (!at) errors["consulted_at-time"] = "Enter the time as, for example, 14:30 or 2:30pm";
  }
  if (!f.view.trim()) errors.view = "Record what the manager said";
  return built({ agency: f.agency, manager_name: f.manager_name.trim(), consulted_at: at, view: f.view.trim() }, errors);
}

export interface DecisionFields { decision: string; reason: string }

export function buildDecision(f: DecisionFields): Built {
  const errors: Errors = {};
  if (f.decision !== "authorise" && f.decision !== "decline") errors.decision = "Choose whether to authorise or decline the extension";
  if (!f.reason.trim()) errors.reason = "Record the reason for your decision";
  return built({ decision: f.decision, reason: f.reason.trim() }, errors);
}

export interface EventFields { event: string; when: DateParts; note: string }

export function buildEvent(f: EventFields): Built {
  const errors: Errors = {};
  if (!f.event) errors.event = "Choose what happened";
  const on = readDate(f.when, "occurred_on", "Enter the date it happened", errors);
  return built({ event: f.event, occurred_on: on, note: f.note.trim() }, errors);
}
