// The shapes the API answers with (see docs/openapi.yaml), as far as the pages use them.

export interface User {
  id: string;
  username: string;
  full_name: string;
  post_title: string;
  role: string;
  agency: string;
  team_id: string;
  must_change_password: boolean;
}

export interface PersonSummary {
  id: string;
  display_name: string;
  date_of_birth: string | null;
  nhs_number: string | null;
  council_reference: string | null;
  postcode: string;
  unborn: boolean;
  matched_name?: string;
}

export interface Reminder {
  kind: string;
  message: string;
  due: string;
  overdue: boolean;
}

export interface CaseloadChild extends PersonSummary {
  allocated_worker: { id: string; full_name: string; post_title: string };
  last_recorded_at: string | null;
  missing_details: number;
  decisions_due: number;
  reminders: Reminder[];
}

export interface Details {
  given_names: string;
  family_name: string;
  date_of_birth: string | null;
  gender: string;
  ethnicity: string;
  religion: string;
  first_language: string;
  interpreter_needed: boolean | null;
  communication_needs: string;
  disability: string;
  nhs_number: string | null;
  other_identifiers: { scheme: string; value: string }[];
  not_known: Record<string, string>;
}

export interface Address {
  line1: string;
  line2?: string;
  town?: string;
  postcode?: string;
  from?: string | null;
  to?: string | null;
}

export interface PersonRecord {
  id: string;
  version: number;
  display_name: string;
  details: Details;
  current_address: Address | null;
  age?: { years?: number; months?: number; stage: string } | null;
  birth?: Record<string, any> | null;
  case_record: {
    council_reference: string;
    status: string;
    allocated_worker_id: string | null;
    allocated_team_id: string | null;
    restricted: boolean;
    version: number;
    allocated_worker?: { full_name: string; post_title: string };
    allocated_team?: { id: string; name: string };
  } | null;
  addresses: Address[];
  other_names: { id?: string; kind: string; given_names: string; family_name: string; note?: string }[];
  relationships: {
    id: string;
    type: string;
    parental_responsibility: boolean;
    lives_with_child: boolean;
    description: string;
    ended_on: string | null;
    other_person: PersonSummary;
  }[];
  missing_details: { field: string; label: string }[];
  complete: boolean;
  reminders: Reminder[];
  alerts?: { key: string; label: string }[];
  [key: string]: any;
}

export interface JournalItem {
  id: string;
  record_id: string;
  seq: number;
  kind: string;
  author: { user_id: string; name: string; post_title: string };
  recorded_at: string;
  occurred_at: string | null;
  late_entry: boolean;
  target_id: string | null;
  body: Record<string, any>;
  corrected_by: string[];
  countersignature: JournalItem | null;
  awaiting_countersignature: boolean;
}

export interface JournalPage {
  items: JournalItem[];
  more: boolean;
  next_before: number | null;
}

export interface Consent {
  id: string;
  purpose: string;
  decision: "given" | "refused" | "withdrawn";
  decided_on: string;
  decided_by: string;
  note: string;
  recorded_by: { user_id: string; name: string };
  recorded_at: string;
}

export interface Disclosure {
  id: string;
  information: string;
  recipient: string;
  recipient_agency: string;
  disclosed_on: string;
  purpose: string;
  lawful_basis: string;
  consent_id: string | null;
  justification: { necessary: string; proportionate: string; decided_by: string } | null;
  recorded_by: { user_id: string; name: string };
  recorded_at: string;
}

export interface InformationSharing {
  consents_in_force: Consent[];
  consent_history: Consent[];
  disclosures: Disclosure[];
}

export interface Consultation {
  id: string;
  agency: string;
  manager_name: string;
  consulted_at: string;
  view: string;
  recorded_by: string;
}

export interface ExtensionRequest {
  id: string;
  status: "pending" | "authorised" | "declined";
  reason: string;
  proposed_due: string;
  agencies: string[];
  requested_by: string;
  requested_by_name?: string;
  requested_at: string;
  consultations: Consultation[];
  not_yet_consulted: string[];
  decided_by: string;
  decision_reason: string;
}

// A statutory clock on a child's record (TIM-03, TIM-04): `due` governs; the statutory date is kept.
export interface Clock {
  id: string;
  person_id: string;
  timescale: string;
  name: string;
  occurrence: number;
  status: "open" | "met" | "ended";
  started_on: string;
  statutory_due: string;
  shortened_due: string | null;
  shortened_reason: string;
  extended_due: string | null;
  due: string;
  stopped_on: string | null;
  days_overdue: number;
  late_against_statutory: boolean;
  extensions?: ExtensionRequest[];
}

// A clock on the due and overdue lists (TIM-05), with the child and the allocated worker.
export interface DueClock extends Clock {
  child: { id: string; display_name: string; council_reference: string };
  allocated_worker: { id: string; full_name: string } | null;
}

export interface ExtensionToDecide extends DueClock {
  extension: ExtensionRequest;
}

export interface TimescaleEvent {
  key: string;
  name: string;
}
