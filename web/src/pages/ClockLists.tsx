// Manager views of clocks: the extension requests waiting for a decision on the team's
// children (TIM-04), and the clocks already overdue for the team or the whole service (TIM-05).
import { useEffect, useState } from "preact/hooks";
import { get, query } from "../api";
import { useAuth } from "../auth";
import { byDueDate, daysOverdueText, overdueOnly } from "../clocks";
import { DueClocksTable, DueDate } from "../components/ClockTables";
import { Layout, Loading, Problem } from "../components/Layout";
import { Table } from "../components/Table";
import { formatDate } from "../format";
import { Link, useLocation } from "../router";
import type { DueClock, ExtensionToDecide } from "../types";

// The waiting requests, each with the child, the clock, the dates and whether every agency has been consulted.
export function ExtensionRequestsTable({ requests }: { requests: ExtensionToDecide[] }) {
  if (requests.length === 0) return <p class="govuk-body">No extension requests are waiting for a decision.</p>;
  return (
    <Table caption="Waiting for your decision"
      headers={["Child", "Clock", "Due", "Asked for", "Consultation", <span class="govuk-visually-hidden">Action</span>]}>
        {byDueDate(requests).map((r) => (
          <tr class="govuk-table__row" key={r.id}>
            <th scope="row" class="govuk-table__header">
              <Link class="govuk-link" href={`/children/${r.child.id}/clocks`}>{r.child.display_name}</Link>
              <br /><span class="govuk-body-s">{r.allocated_worker ? `Allocated to ${r.allocated_worker.full_name}` : "Not allocated"}</span>
            </th>
            <td class="govuk-table__cell">{r.name}</td>
            <td class="govuk-table__cell">
              <DueDate clock={r} />
              {r.days_overdue > 0 && <><br /><strong class="govuk-tag govuk-tag--red">{daysOverdueText(r.days_overdue)} overdue</strong></>}
            </td>
            <td class="govuk-table__cell">
              {formatDate(r.extension.proposed_due)}
              <br /><span class="govuk-body-s">{r.extension.reason}{r.extension.requested_by_name ? ` (${r.extension.requested_by_name})` : ""}</span>
            </td>
            <td class="govuk-table__cell">
              {r.extension.not_yet_consulted.length === 0
                ? <strong class="govuk-tag govuk-tag--green">All consulted</strong>
                : <><strong class="govuk-tag govuk-tag--orange">Not yet consulted</strong><br />{r.extension.not_yet_consulted.join(", ")}</>}
            </td>
            <td class="govuk-table__cell">
              <Link class="govuk-link" href={`/children/${r.child.id}/clocks/${r.id}/decision`}>
                Decide<span class="govuk-visually-hidden"> on the {r.name} extension for {r.child.display_name}</span>
              </Link>
            </td>
          </tr>
        ))}
    </Table>
  );
}

export function ExtensionRequests() {
  const [requests, setRequests] = useState<ExtensionToDecide[] | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    get<{ extension_requests: ExtensionToDecide[] }>("/extension-requests").then((r) => setRequests(r.extension_requests)).catch((e) => setProblem(e.message));
  }, []);
  return (
    <Layout title="Extension requests to authorise">
      <h1 class="govuk-heading-l">Extension requests to authorise</h1>
      <p class="govuk-body">
        Requests to extend a timescale for your team's children. You can authorise one once each other agency's manager has been consulted.
      </p>
      {problem && <Problem message={problem} />}
      {!requests && !problem && <Loading />}
      {requests && <ExtensionRequestsTable requests={requests} />}
    </Layout>
  );
}

// Who may see which overdue list: team managers their team's and the service's; records
// officers and auditors the service's.
export function overdueScopes(role: string | undefined): ("team" | "service")[] {
  if (role === "team_manager") return ["team", "service"];
  if (role === "records_officer" || role === "auditor") return ["service"];
  return [];
}

export function OverdueClocks() {
  const { user } = useAuth();
  const { search } = useLocation();
  const scopes = overdueScopes(user?.role);
  const asked = search.get("scope");
  const scope = scopes.find((s) => s === asked) ?? scopes[0];
  const [clocks, setClocks] = useState<DueClock[] | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    if (!scope) return;
    setClocks(null);
    get<{ clocks: DueClock[] }>(`/clocks${query({ scope, within_days: 0 })}`).then((r) => setClocks(overdueOnly(r.clocks))).catch((e) => setProblem(e.message));
  }, [scope]);
  const who = scope === "team" ? "your team's children" : "the whole service";
  return (
    <Layout title="Overdue clocks">
      <h1 class="govuk-heading-l">Overdue clocks</h1>
      {scopes.length > 1 && (
        <nav aria-label="Whose clocks">
          <ul class="app-inline-list">
            {scopes.map((s) => (
              <li key={s}>
                <Link class="govuk-link govuk-link--no-visited-state" href={`/overdue?scope=${s}`} aria-current={s === scope ? "page" : undefined}>
                  {s === scope ? <strong>{s === "team" ? "Your team" : "The service"}</strong> : s === "team" ? "Your team" : "The service"}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!scope && <Problem message="Overdue lists are for managers, records officers and auditors." />}
      {problem && <Problem message={problem} />}
      {scope && !clocks && !problem && <Loading />}
      {clocks && (
        <DueClocksTable clocks={clocks} caption={`Overdue for ${who}`} empty={`No clocks are overdue for ${who}.`} />
      )}
    </Layout>
  );
}
