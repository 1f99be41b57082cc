// Clocks and extension requests as the API answers with them, for the pages' tests.
import type { Clock, DueClock, ExtensionRequest, ExtensionToDecide } from "./types";

export function clock(over: Partial<Clock> = {}): Clock {
  return {
    id: "K1", person_id: "P1", timescale: "referral_decision", name: "Decision on a referral", occurrence: 0,
    status: "open", started_on: "2026-11-06", statutory_due: "2026-11-09", shortened_due: null, shortened_reason: "",
    extended_due: null, due: "2026-11-09", stopped_on: null, days_overdue: 0, late_against_statutory: false, extensions: [],
    ...over,
  };
}

export function request(over: Partial<ExtensionRequest> = {}): ExtensionRequest {
  return {
    id: "E1", status: "pending", reason: "Police checks outstanding", proposed_due: "2026-11-20", agencies: ["Police", "Health"],
    requested_by: "U1", requested_at: "2026-11-09T10:00:00Z", consultations: [], not_yet_consulted: ["Police", "Health"],
    decided_by: "", decision_reason: "", ...over,
  };
}

export function dueClock(over: Partial<DueClock> = {}): DueClock {
  return {
    ...clock(),
    child: { id: "P1", display_name: "Mia Towers", council_reference: "CW000042" },
    allocated_worker: { id: "U1", full_name: "Sam Okafor" },
    ...over,
  };
}

export function toDecide(over: Partial<ExtensionToDecide> = {}): ExtensionToDecide {
  return { ...dueClock(), extension: { ...request(), requested_by_name: "Sam Okafor" }, ...over };
}
