// A child's clocks: each open one with its dates (the statutory date always beside any shorter
// or extended one), its extension requests and what can be done next; then the stopped ones
// (TIM-03, TIM-04).
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { useAuth } from "../auth";
import { byDueDate, openClocks, pendingExtension, stoppedClocks } from "../clocks";
import { ClockDates, ExtensionDetails, StateTag } from "../components/ClockTables";
import { Loading, Problem } from "../components/Layout";
import { Table } from "../components/Table";
import { formatDate } from "../format";
import { Link } from "../router";
import type { Clock, PersonRecord, User } from "../types";

export function useClocks(personId: string) {
  const [clocks, setClocks] = useState<Clock[] | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    setClocks(null);
    get<{ clocks: Clock[] }>(`/persons/${personId}/clocks`).then((r) => setClocks(r.clocks)).catch((e) => setProblem(e.message));
  }, [personId]);
  return { clocks, problem };
}

// Only a team manager of the team the record is allocated to decides an extension; the server
// refuses anyone else, and says so.
export function decidesExtensions(user: User | null, record: PersonRecord): boolean {
  return user?.role === "team_manager" && !!record.case_record?.allocated_team_id && user.team_id === record.case_record.allocated_team_id;
}

function ClockActions({ clock, personId, decides }: { clock: Clock; personId: string; decides: boolean }) {
  const base = `/children/${personId}/clocks/${clock.id}`;
  const pending = pendingExtension(clock);
  const links: [string, string][] = [[`${base}/shorter`, "Set a shorter timescale"]];
  if (!pending) links.push([`${base}/extension`, "Request an extension"]);
  else {
    links.push([`${base}/consultation`, "Record a consultation"]);
    if (decides) links.push([`${base}/decision`, "Decide on the extension"]);
  }
  return (
    <ul class="govuk-summary-card__actions">
      {links.map(([href, text]) => (
        <li class="govuk-summary-card__action" key={href}>
          <Link class="govuk-link" href={href}>{text}<span class="govuk-visually-hidden"> for {clock.name}</span></Link>
        </li>
      ))}
    </ul>
  );
}

function OpenClock({ clock, personId, decides }: { clock: Clock; personId: string; decides: boolean }) {
  const extensions = [...(clock.extensions ?? [])].reverse();
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">{clock.name}</h3>
        <ClockActions clock={clock} personId={personId} decides={decides} />
      </div>
      <div class="govuk-summary-card__content">
        <ClockDates clock={clock} />
        {extensions.map((e) => <ExtensionDetails key={e.id} request={e} headingLevel={4} />)}
      </div>
    </div>
  );
}

function StoppedClocks({ clocks }: { clocks: Clock[] }) {
  if (clocks.length === 0) return null;
  return (
    <Table caption="Stopped clocks" size="s" headers={["Clock", "Started", "Statutory due date", "Due by", "Stopped", "State"]}>
        {clocks.map((c) => (
          <tr class="govuk-table__row" key={c.id}>
            <th scope="row" class="govuk-table__header">{c.name}</th>
            <td class="govuk-table__cell">{formatDate(c.started_on)}</td>
            <td class="govuk-table__cell">{formatDate(c.statutory_due)}</td>
            <td class="govuk-table__cell">{formatDate(c.due)}</td>
            <td class="govuk-table__cell">{formatDate(c.stopped_on)}</td>
            <td class="govuk-table__cell"><StateTag clock={c} /></td>
          </tr>
        ))}
    </Table>
  );
}

// The record's clocks as a list; separate from loading them so it can be tested alone.
export function ClockList({ clocks, personId, decides }: { clocks: Clock[]; personId: string; decides: boolean }) {
  const open = byDueDate(openClocks(clocks));
  return (
    <>
      {open.length === 0 && <p class="govuk-body">No clocks are running.</p>}
      {open.map((c) => <OpenClock key={c.id} clock={c} personId={personId} decides={decides} />)}
      <StoppedClocks clocks={stoppedClocks(clocks)} />
    </>
  );
}

export function ClocksTab({ record }: { record: PersonRecord }) {
  const { user } = useAuth();
  const { clocks, problem } = useClocks(record.id);
  return (
    <section aria-labelledby="clocks-title">
      <h2 class="govuk-heading-m" id="clocks-title">Clocks</h2>
      <p class="govuk-body">
        Timescales are minimum standards: shorten one where the child's welfare needs it; only a manager of the allocated team can
        extend one, after the other agencies' managers are consulted.
      </p>
      {record.case_record && (
        <p class="govuk-body">
          <Link class="govuk-link" href={`/children/${record.id}/events/new`}>Record an event that starts or stops a clock</Link>
        </p>
      )}
      {problem && <Problem message={problem} />}
      {!clocks && !problem && <Loading />}
      {clocks && <ClockList clocks={clocks} personId={record.id} decides={decidesExtensions(user, record)} />}
    </section>
  );
}
