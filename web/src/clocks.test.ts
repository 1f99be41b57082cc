import { describe, expect, it } from "vitest";
import {
  agencyList, buildConsultation, buildDecision, buildEvent, buildExtension, buildShorter, byDueDate, clockState,
  daysOverdueText, governingDate, overdueOnly, pendingExtension,
} from "./clocks";
import { clock, request } from "./clocks.fixtures";

const date = (d: string, m: string, y: string) => ({ day: d, month: m, year: y });

describe("clockState", () => {
  it("TIM05 marks an open clock past its due date as overdue", () => {
    expect(clockState(clock({ days_overdue: 3 }))).toEqual({ text: "Overdue", colour: "red" });
  });
  it("TIM04 marks a clock waiting for an extension decision", () => {
    expect(clockState(clock({ extensions: [request()] })).text).toBe("Extension requested");
    expect(clockState(clock({ extensions: [request({ status: "declined" })] })).text).toBe("Running");
  });
  it("TIM04 says a clock met after its statutory date was met late, whatever the extension", () => {
    expect(clockState(clock({ status: "met", late_against_statutory: true, extended_due: "2026-11-20" })).text).toBe("Met late");
    expect(clockState(clock({ status: "met" })).text).toBe("Met");
    expect(clockState(clock({ status: "ended" })).text).toBe("Ended");
  });
});

describe("dates that govern", () => {
  it("TIM04 names the statutory date beside an extended one", () => {
    const c = clock({ extended_due: "2026-11-20", due: "2026-11-20" });
    expect(governingDate(c)).toBe("20 November 2026 (extended; statutory date 9 November 2026)");
  });
  it("TIM03 says a shorter date is for the child's welfare", () => {
    expect(governingDate(clock({ shortened_due: "2026-11-08", due: "2026-11-08" }))).toBe("8 November 2026 (shorter for the child's welfare)");
  });
  it("counts days overdue in words", () => {
    expect(daysOverdueText(0)).toBe("Not overdue");
    expect(daysOverdueText(1)).toBe("1 day");
    expect(daysOverdueText(12)).toBe("12 days");
  });
});

describe("lists", () => {
  it("TIM05 sorts by due date, most overdue first among equals", () => {
    const list = [
      clock({ id: "b", due: "2026-12-01" }),
      clock({ id: "a", due: "2026-11-01", days_overdue: 2 }),
      clock({ id: "c", due: "2026-11-01", days_overdue: 5 }),
    ];
    expect(byDueDate(list).map((c) => c.id)).toEqual(["c", "a", "b"]);
  });
  it("TIM05 keeps only overdue clocks for the overdue list", () => {
    expect(overdueOnly([clock({ id: "x", days_overdue: 1 }), clock({ id: "y" })]).map((c) => c.id)).toEqual(["x"]);
  });
  it("finds the waiting extension request", () => {
    expect(pendingExtension(clock({ extensions: [request({ id: "old", status: "declined" }), request({ id: "new" })] }))?.id).toBe("new");
    expect(pendingExtension(clock())).toBeUndefined();
  });
  it("reads agencies one per line or separated by commas, each once", () => {
    expect(agencyList("Police\n health, Health;Education\n\n")).toEqual(["Police", "health", "Education"]);
  });
});

describe("the clock forms", () => {
  it("TIM03 needs an earlier date and a reason for a shorter timescale", () => {
    const c = clock({ due: "2026-11-09" });
    expect(buildShorter(c, { due: date("", "", ""), reason: "" }).errors).toEqual({
      due: "Enter the earlier date by which it must be done", reason: "Say why the child's welfare needs it sooner",
    });
    expect(buildShorter(c, { due: date("10", "11", "2026"), reason: "x" }).errors.due).toMatch(/must be earlier than .* 9 November 2026/);
    expect(buildShorter(c, { due: date("8", "11", "2026"), reason: " Sibling at risk " })).toEqual({
      body: { due: "2026-11-08", reason: "Sibling at risk" }, errors: {},
    });
  });
  it("TIM04 needs a later date, a reason and the other agencies for an extension", () => {
    const c = clock({ due: "2026-11-09" });
    const empty = buildExtension(c, { proposed_due: date("9", "11", "2026"), reason: "", agencies: "" });
    expect(empty.body).toBeNull();
    expect(Object.keys(empty.errors).sort()).toEqual(["agencies", "proposed_due", "reason"]);
    expect(buildExtension(c, { proposed_due: date("20", "11", "2026"), reason: "Checks", agencies: "Police\nHealth" }).body).toEqual({
      reason: "Checks", proposed_due: "2026-11-20", agencies: ["Police", "Health"],
    });
  });
  it("TIM04 records who was consulted, from which agency, when and what they said", () => {
    expect(Object.keys(buildConsultation({ agency: "", manager_name: "", when: date("", "", ""), time: "", view: "" }).errors).sort())
      .toEqual(["agency", "consulted_at", "manager_name", "view"]);
    expect(buildConsultation({ agency: "Police", manager_name: " DI Marsh ", when: date("9", "11", "2026"), time: "2:30pm", view: "Agrees" }).body)
      .toEqual({ agency: "Police", manager_name: "DI Marsh", consulted_at: "2026-11-09T14:30:00Z", view: "Agrees" });
    expect(buildConsultation({ agency: "Police", manager_name: "A", when: date("9", "11", "2026"), time: "late", view: "B" }).errors)
      .toEqual({ "consulted_at-time": "Enter the time as, for example, 14:30 or 2:30pm" });
  });
  it("TIM04 needs a decision and its reason", () => {
    expect(buildDecision({ decision: "", reason: "" }).errors).toEqual({
      decision: "Choose whether to authorise or decline the extension", reason: "Record the reason for your decision",
    });
    expect(buildDecision({ decision: "authorise", reason: "Consulted" }).body).toEqual({ decision: "authorise", reason: "Consulted" });
  });
  it("needs the event and its date", () => {
    expect(buildEvent({ event: "", when: date("31", "2", "2026"), note: "" }).errors).toEqual({
      event: "Choose what happened", occurred_on: "The date must be a real date, such as 27 3 2026",
    });
    expect(buildEvent({ event: "referral_received", when: date("6", "11", "2026"), note: "" }).body)
      .toEqual({ event: "referral_received", occurred_on: "2026-11-06", note: "" });
  });
});
