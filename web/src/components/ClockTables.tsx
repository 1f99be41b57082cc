// Clocks as tables and summaries: the due and overdue lists (TIM-05), a clock's dates with the
// statutory date always beside any shorter or extended one (TIM-03, TIM-04), and its extension.
import { byDueDate, clockState, daysOverdueText } from "../clocks";
import { formatDate, formatDateTime } from "../format";
import { Link } from "../router";
import { Table } from "./Table";
import type { Clock, DueClock, ExtensionRequest } from "../types";

export function StateTag({ clock }: { clock: Clock }) {
  const s = clockState(clock);
  return <strong class={`govuk-tag govuk-tag--${s.colour}`}>{s.text}</strong>;
}

// The due date as the lists show it: the date that governs, and the statutory one when it differs.
export function DueDate({ clock }: { clock: Clock }) {
  return (
    <>
      {formatDate(clock.due)}
      {clock.due !== clock.statutory_due && (
        <><br /><span class="govuk-body-s">Statutory date {formatDate(clock.statutory_due)}</span></>
      )}
    </>
  );
}

// TIM-05: open clocks by due date, with the child, the clock, the due date, days overdue and
// the allocated worker.
export function DueClocksTable({ clocks, caption, empty, showWorker = true }: {
  clocks: DueClock[]; caption: string; empty: string; showWorker?: boolean;
}) {
  if (clocks.length === 0) {
    return <><h2 class="govuk-heading-m">{caption}</h2><p class="govuk-body">{empty}</p></>;
  }
  return (
    <Table caption={caption} headers={["Child", "Clock", "Due", "Days overdue", showWorker && "Allocated worker"]}>
        {byDueDate(clocks).map((c) => (
          <tr class="govuk-table__row" key={c.id}>
            <th scope="row" class="govuk-table__header">
              <Link class="govuk-link" href={`/children/${c.child.id}/clocks`}>{c.child.display_name}</Link>
              {c.child.council_reference && <><br /><span class="govuk-body-s">{c.child.council_reference}</span></>}
            </th>
            <td class="govuk-table__cell">{c.name}</td>
            <td class="govuk-table__cell"><DueDate clock={c} /></td>
            <td class="govuk-table__cell">
              {c.days_overdue > 0 ? <strong class="govuk-tag govuk-tag--red">{daysOverdueText(c.days_overdue)}</strong> : daysOverdueText(0)}
            </td>
            {showWorker && <td class="govuk-table__cell">{c.allocated_worker?.full_name ?? "Not allocated"}</td>}
          </tr>
        ))}
    </Table>
  );
}

function Row({ k, children }: { k: string; children: any }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{k}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

// One clock's dates. The statutory date is always shown: reports count lateness against it.
export function ClockDates({ clock }: { clock: Clock }) {
  return (
    <dl class="govuk-summary-list">
      <Row k="Started">{formatDate(clock.started_on)}</Row>
      <Row k="Statutory due date">{formatDate(clock.statutory_due)}</Row>
      {clock.shortened_due && (
        <Row k="Shorter timescale">{formatDate(clock.shortened_due)}{clock.shortened_reason ? `: ${clock.shortened_reason}` : ""}</Row>
      )}
      {clock.extended_due && <Row k="Extended to">{formatDate(clock.extended_due)}</Row>}
      <Row k="Due by">{formatDate(clock.due)}</Row>
      {clock.status === "open"
        ? <Row k="Days overdue">{daysOverdueText(clock.days_overdue)}</Row>
        : <Row k={clock.status === "met" ? "Met on" : "Ended on"}>
            {formatDate(clock.stopped_on)}{clock.late_against_statutory ? ", after the statutory date" : ""}
          </Row>}
      <Row k="State"><StateTag clock={clock} /></Row>
    </dl>
  );
}

// An extension request: why, to when, who asked, and each agency's consultation or its absence.
export function ExtensionDetails({ request, headingLevel = 3 }: { request: ExtensionRequest; headingLevel?: 2 | 3 | 4 }) {
  const H = `h${headingLevel}` as "h2";
  const status = request.status === "pending" ? "Waiting for a manager's decision"
    : request.status === "authorised" ? "Authorised" : "Declined";
  return (
    <div class="app-repeat">
      <H class="govuk-heading-s">Extension to {formatDate(request.proposed_due)}: {status.toLowerCase()}</H>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <Row k="Reason">{request.reason}</Row>
        <Row k="Requested">{formatDateTime(request.requested_at)}{request.requested_by_name ? ` by ${request.requested_by_name}` : ""}</Row>
        <Row k="Other agencies">{request.agencies.join(", ")}</Row>
        {request.decision_reason && <Row k="Manager's reason">{request.decision_reason}</Row>}
      </dl>
      {request.consultations.length > 0 && (
        <Table caption="Consultations" size="s" headers={["Agency", "Manager", "When", "What they said"]}>
            {request.consultations.map((k) => (
              <tr class="govuk-table__row" key={k.id}>
                <td class="govuk-table__cell">{k.agency}</td>
                <td class="govuk-table__cell">{k.manager_name}</td>
                <td class="govuk-table__cell">{formatDateTime(k.consulted_at)}</td>
                <td class="govuk-table__cell">{k.view}</td>
              </tr>
            ))}
        </Table>
      )}
      {request.status === "pending" && request.not_yet_consulted.length > 0 && (
        <p class="govuk-body">
          <strong class="govuk-tag govuk-tag--orange">Consultation needed</strong>{" "}
          Not yet consulted: {request.not_yet_consulted.join(", ")}. A manager cannot authorise the extension until each is recorded.
        </p>
      )}
    </div>
  );
}
