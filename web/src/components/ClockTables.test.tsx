import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { clock, dueClock, request, toDecide } from "../clocks.fixtures";
import { ClockList, decidesExtensions } from "../pages/Clocks";
import { ExtensionRequestsTable, overdueScopes } from "../pages/ClockLists";
import type { PersonRecord, User } from "../types";
import { ClockDates, DueClocksTable, ExtensionDetails } from "./ClockTables";

// The text a reader (or screen reader) meets, without the markup.
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#39;|&apos;/g, "'").replace(/\s+/g, " ").trim();

describe("DueClocksTable", () => {
  it("TIM05 lists the child, the clock, the due date, days overdue and the allocated worker, by due date", () => {
    const html = render(
      <DueClocksTable caption="Due and overdue for your team" empty="Nothing"
        clocks={[
          dueClock({ id: "later", name: "Child and family assessment", due: "2027-01-13", statutory_due: "2027-01-13" }),
          dueClock({ id: "sooner", due: "2026-11-09", days_overdue: 4 }),
        ]} />,
    );
    const t = text(html);
    expect(t).toContain("Child Clock Due Days overdue Allocated worker");
    expect(t.indexOf("Decision on a referral")).toBeLessThan(t.indexOf("Child and family assessment"));
    expect(t).toContain("Mia Towers CW000042 Decision on a referral 9 November 2026 4 days Sam Okafor");
    expect(html).toContain('href="/children/P1/clocks"');
  });
  it("TIM04 shows the statutory date beside an extended due date", () => {
    const t = text(render(<DueClocksTable caption="c" empty="e" clocks={[dueClock({ extended_due: "2026-11-20", due: "2026-11-20" })]} />));
    expect(t).toContain("20 November 2026 Statutory date 9 November 2026");
  });
  it("says when there is nothing due", () => {
    const html = render(<DueClocksTable caption="Due and overdue for you" empty="Nothing is due." clocks={[]} showWorker={false} />);
    expect(text(html)).toBe("Due and overdue for you Nothing is due.");
    expect(html).not.toContain("<table");
  });
});

describe("a clock's dates", () => {
  it("TIM03 TIM04 keeps the statutory date beside the shorter and extended ones", () => {
    const t = text(render(<ClockDates clock={clock({
      shortened_due: "2026-11-08", shortened_reason: "Sibling at risk", extended_due: "2026-11-20", due: "2026-11-20", days_overdue: 0,
    })} />));
    expect(t).toContain("Statutory due date 9 November 2026");
    expect(t).toContain("Shorter timescale 8 November 2026: Sibling at risk");
    expect(t).toContain("Extended to 20 November 2026");
    expect(t).toContain("Due by 20 November 2026");
  });
  it("TIM04 says a stopped clock was met after its statutory date", () => {
    const t = text(render(<ClockDates clock={clock({ status: "met", stopped_on: "2026-11-11", late_against_statutory: true })} />));
    expect(t).toContain("Met on 11 November 2026, after the statutory date");
    expect(t).toContain("State Met late");
  });
  it("TIM04 names the agencies not yet consulted", () => {
    const r = request({
      consultations: [{ id: "C1", agency: "Police", manager_name: "DI Marsh", consulted_at: "2026-11-09T10:00:00Z", view: "Agrees", recorded_by: "U1" }],
      not_yet_consulted: ["Health"],
    });
    const t = text(render(<ExtensionDetails request={r} />));
    expect(t).toContain("Police DI Marsh 9 November 2026 at 10:00am Agrees");
    expect(t).toContain("Not yet consulted: Health.");
  });
});

describe("a record's clocks", () => {
  const record = { id: "P1", case_record: { allocated_team_id: "T1" } } as unknown as PersonRecord;
  const user = (role: string, team_id: string) => ({ role, team_id }) as User;

  it("TIM04 offers the decision only to a manager of the allocated team", () => {
    expect(decidesExtensions(user("team_manager", "T1"), record)).toBe(true);
    expect(decidesExtensions(user("team_manager", "T2"), record)).toBe(false);
    expect(decidesExtensions(user("practitioner", "T1"), record)).toBe(false);
  });
  it("TIM03 TIM04 lists open clocks with what can be done next, then the stopped ones", () => {
    const clocks = [
      clock({ id: "met", name: "Strategy discussion", status: "met", stopped_on: "2026-11-07" }),
      clock({ id: "waiting", extensions: [request()] }),
      clock({ id: "running", name: "Child and family assessment", due: "2027-01-13" }),
    ];
    const manager = render(<ClockList clocks={clocks} personId="P1" decides={true} />);
    const practitioner = render(<ClockList clocks={clocks} personId="P1" decides={false} />);
    expect(manager).toContain('href="/children/P1/clocks/waiting/decision"');
    expect(practitioner).not.toContain("/decision");
    expect(practitioner).toContain('href="/children/P1/clocks/waiting/consultation"');
    expect(practitioner).toContain('href="/children/P1/clocks/running/extension"');
    expect(practitioner).not.toContain('href="/children/P1/clocks/waiting/extension"');
    expect(practitioner).toContain('href="/children/P1/clocks/running/shorter"');
    const t = text(practitioner);
    expect(t.indexOf("Decision on a referral")).toBeLessThan(t.indexOf("Child and family assessment"));
    expect(t).toContain("Stopped clocks");
    expect(t.indexOf("Stopped clocks")).toBeLessThan(t.indexOf("Strategy discussion"));
  });
  it("says when no clocks are running", () => {
    expect(text(render(<ClockList clocks={[]} personId="P1" decides={false} />))).toBe("No clocks are running.");
  });
});

describe("manager views", () => {
  it("TIM04 lists waiting extension requests with what is still to be consulted and a link to decide", () => {
    const html = render(<ExtensionRequestsTable requests={[
      toDecide(),
      toDecide({ id: "K2", child: { id: "P2", display_name: "Noah Ellery", council_reference: "" }, extension: { ...request(), not_yet_consulted: [] } }),
    ]} />);
    const t = text(html);
    expect(t).toContain("Mia Towers Allocated to Sam Okafor Decision on a referral 9 November 2026 20 November 2026 Police checks outstanding (Sam Okafor) Not yet consulted Police, Health");
    expect(t).toContain("Noah Ellery");
    expect(t).toContain("All consulted");
    expect(html).toContain('href="/children/P2/clocks/K2/decision"');
  });
  it("says when nothing waits", () => {
    expect(text(render(<ExtensionRequestsTable requests={[]} />))).toBe("No extension requests are waiting for a decision.");
  });
  it("TIM05 offers the team's and the service's overdue lists to those allowed them", () => {
    expect(overdueScopes("team_manager")).toEqual(["team", "service"]);
    expect(overdueScopes("auditor")).toEqual(["service"]);
    expect(overdueScopes("practitioner")).toEqual([]);
  });
});
