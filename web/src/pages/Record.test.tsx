import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { PersonRecord } from "../types";
import { Alerts, allocationText, reminderText } from "./Record";

describe("reminders on the record's summary", () => {
  it("TIM05 writes the due date out in words", () => {
    expect(reminderText({ kind: "birth_registration", message: "Birth registration: due by 2026-12-13.", due: "2026-12-13", overdue: false }))
      .toBe("Birth registration: due by 13 December 2026.");
    expect(reminderText({ kind: "other", message: "Something to do", due: "2026-12-13", overdue: true })).toBe("Something to do, by 13 December 2026");
  });
});

describe("the record's summary", () => {
  it("names the allocated worker and team", () => {
    const r = { case_record: { allocated_worker: { full_name: "Sam Okafor", post_title: "Social Worker" }, allocated_team: { id: "T1", name: "Assessment Team North" } } } as unknown as PersonRecord;
    expect(allocationText(r)).toBe("Allocated to Sam Okafor, Social Worker in Assessment Team North");
    expect(allocationText({ case_record: {} } as unknown as PersonRecord)).toBe("Allocated to no one");
  });
});

describe("alerts", () => {
  it("shows a child protection plan and looked-after status as tags, and nothing when there are none", () => {
    const html = render(<Alerts alerts={[{ key: "child_protection_plan", label: "Child protection plan" }, { key: "looked_after", label: "Looked after" }]} />);
    expect(html).toContain('aria-label="Alerts"');
    expect(html).toContain('<strong class="govuk-tag govuk-tag--red">Child protection plan</strong>');
    expect(html).toContain('<strong class="govuk-tag govuk-tag--purple">Looked after</strong>');
    expect(render(<Alerts alerts={[]} />)).toBe("");
  });
});
