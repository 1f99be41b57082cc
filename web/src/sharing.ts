// Consent to share and disclosures (SHR-01..03): the forms' fields and the requests the API
// receives from them. Checks here only spare a round trip; the server's rules decide.
import type { DateParts, Errors } from "./components/fields";
import { dateFromParts } from "./format";

export const DECISIONS = [
  { value: "given", label: "Given" },
  { value: "refused", label: "Refused" },
  { value: "withdrawn", label: "Withdrawn" },
];

export const LAWFUL_BASES = [
  { value: "consent", label: "Consent", hint: "Consent for this purpose is recorded and has not been refused or withdrawn." },
  { value: "significant_harm", label: "Without consent: risk of significant harm to a child" },
  { value: "public_interest", label: "Without consent: in the public interest" },
  { value: "legal_duty", label: "Without consent: a legal duty, such as a court order" },
];

export function basisLabel(value: string): string {
  return LAWFUL_BASES.find((b) => b.value === value)?.label ?? value;
}

export interface ConsentFields {
  purpose: string;
  decision: string;
  decided_on: DateParts;
  decided_by: string;
  note: string;
}

export interface DisclosureFields {
  information: string;
  recipient: string;
  recipient_agency: string;
  disclosed_on: DateParts;
  purpose: string;
  lawful_basis: string;
  necessary: string;
  proportionate: string;
  decided_by: string;
}

function requiredDate(parts: DateParts, id: string, what: string, errors: Errors): string | null {
  const d = dateFromParts(parts.day, parts.month, parts.year);
  if (d.error) errors[id] = `${what} ${d.error}`;
  else if (!d.date) errors[id] = `Enter ${what.toLowerCase()}`;
  return d.date;
}

export function buildConsent(f: ConsentFields): { body?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  if (!f.purpose.trim()) errors.purpose = "Enter what the information may be shared for, and with whom";
  if (!f.decision) errors.decision = "Select whether consent was given, refused or withdrawn";
  const on = requiredDate(f.decided_on, "decided_on", "The date they decided", errors);
  if (!f.decided_by.trim()) errors.decided_by = "Enter who decided";
  if (Object.keys(errors).length) return { errors };
  const body: Record<string, unknown> = {
    purpose: f.purpose.trim(), decision: f.decision, decided_on: on, decided_by: f.decided_by.trim(),
  };
  if (f.note.trim()) body.note = f.note.trim();
  return { body, errors };
}

export function buildDisclosure(f: DisclosureFields): { body?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  if (!f.information.trim()) errors.information = "Enter what was shared";
  if (!f.recipient.trim()) errors.recipient = "Enter who it was shared with";
  const on = requiredDate(f.disclosed_on, "disclosed_on", "The date it was shared", errors);
  if (!f.purpose.trim()) errors.purpose = "Enter why it was shared";
  if (!f.lawful_basis) errors.lawful_basis = "Select the lawful basis for sharing";
  const withoutConsent = f.lawful_basis !== "" && f.lawful_basis !== "consent";
  if (withoutConsent) {
    if (!f.necessary.trim()) errors["justification-necessary"] = "Say why sharing without consent is necessary";
    if (!f.proportionate.trim()) errors["justification-proportionate"] = "Say why sharing without consent is proportionate";
    if (!f.decided_by.trim()) errors["justification-decided_by"] = "Enter who decided to share without consent";
  }
  if (Object.keys(errors).length) return { errors };
  const body: Record<string, unknown> = {
    information: f.information.trim(), recipient: f.recipient.trim(), disclosed_on: on,
    purpose: f.purpose.trim(), lawful_basis: f.lawful_basis,
  };
  if (f.recipient_agency.trim()) body.recipient_agency = f.recipient_agency.trim();
  if (withoutConsent) {
    body.justification = { necessary: f.necessary.trim(), proportionate: f.proportionate.trim(), decided_by: f.decided_by.trim() };
  }
  return { body, errors };
}
