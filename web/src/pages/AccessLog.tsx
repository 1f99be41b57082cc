// Who has looked at or changed a child's record, newest first, for managers and auditors
// (GOV-06). Reading it is itself logged by the server.
import { useEffect, useState } from "preact/hooks";
import { get, query } from "../api";
import { Loading, Problem } from "../components/Layout";
import { formatDateTime } from "../format";
import { Link, useLocation } from "../router";

export interface AccessEvent {
  id: string;
  at: string;
  username: string;
  action: string;
  outcome: "allowed" | "refused";
  basis: string;
  detail: string;
  client_address: string;
}

const ACTIONS: Record<string, string> = {
  "record.read": "Looked at the record",
  "record.write": "Changed the record",
  "record.break_glass": "Opened with break-glass",
  "access_log.read": "Read the access log",
};

export function AccessLog({ id }: { id: string }) {
  const { search } = useLocation();
  const before = search.get("before") ?? undefined;
  const [page, setPage] = useState<{ events: AccessEvent[]; more: boolean; next_before: string | null } | null>(null);
  const [problem, setProblem] = useState("");

  useEffect(() => {
    setPage(null);
    get(`/persons/${id}/access-log${query({ before, limit: 50 })}`).then(setPage).catch((e) => setProblem(e.message));
  }, [id, before]);

  return (
    <section aria-labelledby="access-log-title">
      <h2 class="govuk-heading-m" id="access-log-title">Access log</h2>
      <p class="govuk-body">Everyone who has looked at or changed this record, newest first. Your reading of this log is logged too.</p>
      {problem && <Problem message={problem} />}
      {!page && !problem && <Loading />}
      {page && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Access to this record</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">When</th>
              <th scope="col" class="govuk-table__header">Who</th>
              <th scope="col" class="govuk-table__header">What</th>
              <th scope="col" class="govuk-table__header">Basis</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {page.events.map((e) => (
              <tr class="govuk-table__row" key={e.id}>
                <td class="govuk-table__cell">{formatDateTime(e.at)}</td>
                <td class="govuk-table__cell">{e.username}</td>
                <td class="govuk-table__cell">
                  {e.outcome === "refused" && <strong class="govuk-tag govuk-tag--red govuk-!-margin-right-1">Refused</strong>}
                  {ACTIONS[e.action] ?? e.action}{e.detail ? `: ${e.detail}` : ""}
                </td>
                <td class="govuk-table__cell">{e.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.more && page.next_before && (
        <nav class="govuk-pagination govuk-pagination--block" aria-label="Access log pages">
          <div class="govuk-pagination__next">
            <Link class="govuk-link govuk-pagination__link" href={`/children/${id}/access-log${query({ before: page.next_before })}`} rel="next">
              <span class="govuk-pagination__link-title">Older</span>
            </Link>
          </div>
        </nav>
      )}
    </section>
  );
}
