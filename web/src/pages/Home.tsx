import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { useAuth } from "../auth";
import { Layout, Loading, Problem } from "../components/Layout";
import { Table } from "../components/Table";
import { DueClocksTable } from "../components/ClockTables";
import { formatDate, formatDateTime, plural } from "../format";
import { Link } from "../router";
import type { CaseloadChild, DueClock } from "../types";

// How far ahead the home page looks for clocks falling due.
const DUE_WITHIN_DAYS = 7;

// Roles that hold casework: their own clocks, and for a manager their team's.
const CASEWORK_ROLES = ["practitioner", "team_manager"];

// What needs attention on the record itself; clocks have their own lists below.
function Attention({ child }: { child: CaseloadChild }) {
  const items: { text: string; overdue: boolean }[] = [];
  if (child.decisions_due > 0) items.push({ text: `${plural(child.decisions_due, "decision", "decisions")} due for review`, overdue: true });
  if (child.missing_details > 0) items.push({ text: `${plural(child.missing_details, "detail", "details")} missing from the record`, overdue: false });
  if (items.length === 0) return <span>Nothing</span>;
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
    <Table caption={caption} headers={["Child", "Date of birth", showWorker && "Allocated to", "Last recorded", "Needs attention"]}>
        {children.map((c) => (
          <tr class="govuk-table__row" key={c.id}>
            <th scope="row" class="govuk-table__header">
              <Link class="govuk-link" href={`/children/${c.id}`}>{c.display_name}</Link>
              <br /><span class="govuk-body-s">{c.council_reference}</span>
            </th>
            <td class="govuk-table__cell">{c.unborn ? "Unborn" : formatDate(c.date_of_birth) || "Not known"}</td>
            {showWorker && <td class="govuk-table__cell">{c.allocated_worker.full_name}</td>}
            <td class="govuk-table__cell">{c.last_recorded_at ? formatDateTime(c.last_recorded_at) : "Nothing yet"}</td>
            <td class="govuk-table__cell"><Attention child={c} /></td>
          </tr>
        ))}
    </Table>
  );
}

// TIM-05: open clocks due within a week or overdue, by due date.
function useDueClocks(scope: "mine" | "team", wanted: boolean) {
  const [clocks, setClocks] = useState<DueClock[] | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    if (!wanted) return;
    get<{ clocks: DueClock[] }>(`/clocks?scope=${scope}&within_days=${DUE_WITHIN_DAYS}`).then((r) => setClocks(r.clocks)).catch((e) => setProblem(e.message));
  }, [scope, wanted]);
  return { clocks, problem };
}

export function Home() {
  const { user } = useAuth();
  const manager = user?.role === "team_manager";
  const casework = CASEWORK_ROLES.includes(user?.role ?? "");
  const [mine, setMine] = useState<CaseloadChild[] | null>(null);
  const [team, setTeam] = useState<CaseloadChild[] | null>(null);
  const [problem, setProblem] = useState("");
  const myClocks = useDueClocks("mine", casework);
  const teamClocks = useDueClocks("team", manager);

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
      {myClocks.problem && <Problem message={myClocks.problem} />}
      {myClocks.clocks && (
        <DueClocksTable clocks={myClocks.clocks} caption="Due and overdue for you" showWorker={false}
          empty={`Nothing is due in the next ${DUE_WITHIN_DAYS} days or overdue for the children allocated to you.`} />
      )}
      {manager && team && <CaseloadTable children={team} caption="Your team's children" showWorker={true} />}
      {teamClocks.problem && <Problem message={teamClocks.problem} />}
      {teamClocks.clocks && (
        <DueClocksTable clocks={teamClocks.clocks} caption="Due and overdue for your team"
          empty={`Nothing is due in the next ${DUE_WITHIN_DAYS} days or overdue for your team's children.`} />
      )}
    </Layout>
  );
}
