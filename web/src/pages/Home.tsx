import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { useAuth } from "../auth";
import { Layout, Loading, Problem } from "../components/Layout";
import { formatDate, formatDateTime, plural } from "../format";
import { Link } from "../router";
import type { CaseloadChild } from "../types";

function Due({ child }: { child: CaseloadChild }) {
  const items: { text: string; overdue: boolean }[] = [];
  for (const r of child.reminders) items.push({ text: `${r.message} (due ${formatDate(r.due)})`, overdue: r.overdue });
  if (child.decisions_due > 0) items.push({ text: `${plural(child.decisions_due, "decision", "decisions")} due for review`, overdue: true });
  if (child.missing_details > 0) items.push({ text: `${plural(child.missing_details, "detail", "details")} missing from the record`, overdue: false });
  if (items.length === 0) return <span>Nothing due</span>;
  return (
    <ul class="govuk-list govuk-!-margin-bottom-0">
      {items.map((i) => (
        <li key={i.text}>
          {i.overdue && <strong class="govuk-tag govuk-tag--red govuk-!-margin-right-1">Overdue</strong>}
          {i.text}
        </li>
      ))}
    </ul>
  );
}

function CaseloadTable({ children, caption, showWorker }: { children: CaseloadChild[]; caption: string; showWorker: boolean }) {
  if (children.length === 0) return <p class="govuk-body">No children are allocated {showWorker ? "to your team" : "to you"}.</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Child</th>
          <th scope="col" class="govuk-table__header">Date of birth</th>
          {showWorker && <th scope="col" class="govuk-table__header">Allocated to</th>}
          <th scope="col" class="govuk-table__header">Last recorded</th>
          <th scope="col" class="govuk-table__header">Due and overdue</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {children.map((c) => (
          <tr class="govuk-table__row" key={c.id}>
            <th scope="row" class="govuk-table__header">
              <Link class="govuk-link" href={`/children/${c.id}`}>{c.display_name}</Link>
              <br /><span class="govuk-body-s">{c.council_reference}</span>
            </th>
            <td class="govuk-table__cell">{c.unborn ? "Unborn" : formatDate(c.date_of_birth) || "Not known"}</td>
            {showWorker && <td class="govuk-table__cell">{c.allocated_worker.full_name}</td>}
            <td class="govuk-table__cell">{c.last_recorded_at ? formatDateTime(c.last_recorded_at) : "Nothing yet"}</td>
            <td class="govuk-table__cell"><Due child={c} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Home() {
  const { user } = useAuth();
  const manager = user?.role === "team_manager";
  const [mine, setMine] = useState<CaseloadChild[] | null>(null);
  const [team, setTeam] = useState<CaseloadChild[] | null>(null);
  const [problem, setProblem] = useState("");

  useEffect(() => {
    get<{ children: CaseloadChild[] }>("/caseload").then((r) => setMine(r.children)).catch((e) => setProblem(e.message));
    if (manager) get<{ children: CaseloadChild[] }>("/caseload?scope=team").then((r) => setTeam(r.children)).catch(() => setTeam([]));
  }, [manager]);

  return (
    <Layout title="Home">
      <h1 class="govuk-heading-l">Your work</h1>
      {problem && <Problem message={problem} />}
      {!mine && !problem && <Loading />}
      {mine && <CaseloadTable children={mine} caption="Children allocated to you" showWorker={false} />}
      {manager && team && <CaseloadTable children={team} caption="Your team's children" showWorker={true} />}
    </Layout>
  );
}
