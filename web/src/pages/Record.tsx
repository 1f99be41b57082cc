// A child's record: the summary at the top, then details, relationships and the journal.
import { useEffect, useState } from "preact/hooks";
import { ApiError, get } from "../api";
import { useAuth } from "../auth";
import { Layout, Loading, Problem } from "../components/Layout";
import { Table } from "../components/Table";
import { formatDate } from "../format";
import { Link } from "../router";
import type { PersonRecord, Reminder } from "../types";
import { AccessLog } from "./AccessLog";
import { BreakGlassOffer } from "./BreakGlass";
import { Chronology } from "./Chronology";
import { ClocksTab } from "./Clocks";
import { Journal } from "./Journal";
import { SharingLog } from "./Sharing";

export type RecordTab = "journal" | "chronology" | "details" | "relationships" | "clocks" | "sharing" | "access-log";

const TABS: { tab: RecordTab; text: string; path: string; roles?: string[] }[] = [
  { tab: "journal", text: "Journal", path: "" },
  { tab: "chronology", text: "Chronology", path: "/chronology" },
  { tab: "details", text: "Details", path: "/details" },
  { tab: "relationships", text: "Relationships", path: "/relationships" },
  { tab: "clocks", text: "Clocks", path: "/clocks" },
  { tab: "sharing", text: "Consent and sharing", path: "/sharing", roles: ["practitioner", "team_manager", "records_officer", "auditor"] },
  { tab: "access-log", text: "Access log", path: "/access-log", roles: ["team_manager", "auditor"] },
];

// Roles that may open a record with break-glass when they have no relationship with the child.
const BREAK_GLASS_ROLES = ["practitioner", "team_manager", "records_officer"];

export function useRecord(id: string) {
  const [record, setRecord] = useState<PersonRecord | null>(null);
  const [problem, setProblem] = useState("");
  const [refused, setRefused] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setRecord(null);
    setProblem("");
    setRefused(false);
    get<PersonRecord>(`/persons/${id}`).then(setRecord).catch((e) => {
      setProblem(e.message);
      setRefused(e instanceof ApiError && e.status === 403);
    });
  }, [id, attempt]);
  return { record, problem, refused, reload: () => setAttempt((a) => a + 1) };
}

// Alerts stand out from the due and overdue tags below them.
const ALERT_COLOURS: Record<string, string> = { child_protection_plan: "govuk-tag--red", looked_after: "govuk-tag--purple" };

// A child protection plan or looked-after status, first thing under the child's name.
export function Alerts({ alerts }: { alerts: { key: string; label: string }[] }) {
  if (alerts.length === 0) return null;
  return (
    <ul class="app-inline-list govuk-!-margin-bottom-2" aria-label="Alerts">
      {alerts.map((a) => <li key={a.key}><strong class={`govuk-tag ${ALERT_COLOURS[a.key] ?? "govuk-tag--red"}`}>{a.label}</strong></li>)}
    </ul>
  );
}

export function allocationText(r: PersonRecord): string {
  const c = r.case_record;
  if (!c) return "";
  const worker = c.allocated_worker ? `${c.allocated_worker.full_name}, ${c.allocated_worker.post_title}` : "no one";
  return `Allocated to ${worker}${c.allocated_team ? ` in ${c.allocated_team.name}` : ""}`;
}

// The server writes a reminder's date as an ISO date; people read it written out.
export function reminderText(m: Reminder): string {
  return m.message.includes(m.due) ? m.message.replace(m.due, formatDate(m.due)) : `${m.message}, by ${formatDate(m.due)}`;
}

function Summary({ r }: { r: PersonRecord }) {
  const unborn = r.birth?.unborn;
  return (
    <div class="app-record-summary">
      <span class="govuk-caption-m">{r.case_record?.council_reference ?? "No case record"}</span>
      <h1 class="govuk-heading-l govuk-!-margin-bottom-2">{r.display_name}</h1>
      <Alerts alerts={r.alerts ?? []} />
      <p class="govuk-body govuk-!-margin-bottom-2">
        {unborn
          ? `Unborn: expected ${formatDate(r.birth?.expected_date_of_delivery)}`
          : r.details.date_of_birth
            ? `Born ${formatDate(r.details.date_of_birth)}${r.age ? `, aged ${r.age.years}: ${r.age.stage}` : ""}`
            : "Date of birth not known"}
      </p>
      {r.case_record && (
        <p class="govuk-body govuk-!-margin-bottom-2">
          {allocationText(r)}
          {r.case_record.status === "closed" && <strong class="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Closed</strong>}
          {r.case_record.restricted && <strong class="govuk-tag govuk-tag--purple govuk-!-margin-left-2">Restricted</strong>}
        </p>
      )}
      {r.reminders.map((m) => (
        <p class="govuk-body govuk-!-margin-bottom-2" key={m.kind}>
          <strong class={`govuk-tag ${m.overdue ? "govuk-tag--red" : "govuk-tag--yellow"}`}>{m.overdue ? "Overdue" : "Due"}</strong>{" "}
          <Link class="govuk-link" href={`/children/${r.id}/clocks`}>{reminderText(m)}</Link>
        </p>
      ))}
      {r.missing_details.length > 0 && (
        <p class="govuk-body govuk-!-margin-bottom-2">
          <strong class="govuk-tag govuk-tag--orange">Incomplete</strong> Missing from the record:{" "}
          {r.missing_details.map((m) => m.label).join(", ")}.
        </p>
      )}
    </div>
  );
}

function Row({ k, v }: { k: string; v: string | null | undefined }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{k}</dt>
      <dd class="govuk-summary-list__value">{v || "Not recorded"}</dd>
    </div>
  );
}

function Details({ r }: { r: PersonRecord }) {
  const d = r.details;
  const notKnown = (field: string, value: string | null | undefined) => value || (d.not_known[field] ? `Not known: ${d.not_known[field]}` : "");
  const address = r.current_address;
  // The current address comes first in the history.
  const earlier = address ? r.addresses.slice(1) : r.addresses;
  return (
    <>
      <h2 class="govuk-heading-m">Details</h2>
      <dl class="govuk-summary-list">
        <Row k="Given names" v={d.given_names} />
        <Row k="Family name" v={d.family_name} />
        <Row k="Date of birth" v={formatDate(d.date_of_birth)} />
        <Row k="NHS number" v={notKnown("nhs_number", d.nhs_number)} />
        <Row k="Address" v={address ? [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(", ") : notKnown("address", "")} />
        <Row k="Gender" v={notKnown("gender", d.gender)} />
        <Row k="Ethnicity" v={notKnown("ethnicity", d.ethnicity)} />
        <Row k="Religion" v={notKnown("religion", d.religion)} />
        <Row k="First language" v={notKnown("first_language", d.first_language)} />
        <Row k="Interpreter needed" v={d.interpreter_needed === null ? "" : d.interpreter_needed ? "Yes" : "No"} />
        <Row k="Disability" v={notKnown("disability", d.disability)} />
        <Row k="Birth certificate" v={r.birth_certificate ? `Seen on ${formatDate(r.birth_certificate.seen_on)}` : "Not seen"} />
        {r.birth && !r.birth.unborn && <Row k="Birth registered" v={r.birth.registered_on ? formatDate(r.birth.registered_on) : "Not yet known"} />}
      </dl>
      <h3 class="govuk-heading-s">Other names</h3>
      {r.other_names.length === 0 ? <p class="govuk-body">None recorded.</p> : (
        <ul class="govuk-list">
          {r.other_names.map((n, i) => <li key={i}>{n.given_names} {n.family_name} ({n.kind.replace(/_/g, " ")}){n.note ? `: ${n.note}` : ""}</li>)}
        </ul>
      )}
      <h3 class="govuk-heading-s">Earlier addresses</h3>
      {earlier.length === 0 ? <p class="govuk-body">None recorded.</p> : (
        <ul class="govuk-list">
          {earlier.map((a, i) => (
            <li key={i}>{[a.line1, a.town, a.postcode].filter(Boolean).join(", ")} {a.from ? `from ${formatDate(a.from)}` : ""} {a.to ? `to ${formatDate(a.to)}` : ""}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Relationships({ r }: { r: PersonRecord }) {
  const add = r.case_record && (
    <p class="govuk-body"><Link class="govuk-link" href={`/children/${r.id}/relationships/new`}>Add a family member or other person</Link></p>
  );
  if (r.relationships.length === 0) return <><h2 class="govuk-heading-m">Relationships</h2><p class="govuk-body">No relationships recorded.</p>{add}</>;
  return (
    <>
      <Table caption="Relationships" headers={["Person", "Relationship", "Parental responsibility", "Lives with the child"]}>
        {r.relationships.map((rel) => (
          <tr class="govuk-table__row" key={rel.id}>
            <th scope="row" class="govuk-table__header"><Link class="govuk-link" href={`/children/${rel.other_person.id}`}>{rel.other_person.display_name}</Link></th>
            <td class="govuk-table__cell">{String(rel.type ?? "").replace(/_/g, " ")}{rel.description ? `: ${rel.description}` : ""}{rel.ended_on ? ` (ended ${formatDate(rel.ended_on)})` : ""}</td>
            <td class="govuk-table__cell">{rel.parental_responsibility ? "Yes" : "No"}</td>
            <td class="govuk-table__cell">{rel.lives_with_child ? "Yes" : "No"}</td>
          </tr>
        ))}
      </Table>
      {add}
    </>
  );
}

function Actions({ r, manager }: { r: PersonRecord; manager: boolean }) {
  const base = `/children/${r.id}`;
  const unborn = r.birth?.unborn;
  const links: [string, string][] = r.case_record
    ? [[`${base}/record/visit`, "Record a visit"], [`${base}/record/contact`, "Record a contact"],
       [`${base}/record/case_note`, "Record a case note"], [`${base}/record/decision`, "Record a decision"]]
    : [];
  const more: [string, string][] = [
    [`${base}/details/edit`, "Change details"],
    [`${base}/addresses/new`, "Record a new address"],
    [`${base}/names/new`, "Record an alias or previous name"],
  ];
  if (unborn) more.push([`${base}/birth`, "Record the birth"]);
  else {
    more.push([`${base}/birth-certificate`, "Record that the birth certificate was seen"]);
    if (r.birth && !r.birth.registered_on) more.push([`${base}/birth-registration`, "Record that the birth was registered"]);
  }
  if (manager && r.case_record) more.push([`${base}/allocation`, "Allocate the record"]);
  return (
    <nav aria-label="Record something">
      <div class="govuk-button-group">
        {links.map(([href, text]) => <Link key={href} href={href} class="govuk-button govuk-button--secondary">{text}</Link>)}
      </div>
      <ul class="app-inline-list">
        {more.map(([href, text]) => <li key={href}><Link class="govuk-link" href={href}>{text}</Link></li>)}
      </ul>
    </nav>
  );
}

export function Record({ id, tab }: { id: string; tab: RecordTab }) {
  const { user } = useAuth();
  const { record, problem, refused, reload } = useRecord(id);
  const tabs = TABS.filter((t) => !t.roles || t.roles.includes(user?.role ?? ""));
  const title = record ? `${record.display_name}: ${TABS.find((t) => t.tab === tab)!.text}` : refused ? "You do not work with this child" : "Child's record";
  return (
    <Layout title={title}>
      {refused && BREAK_GLASS_ROLES.includes(user?.role ?? "") && <BreakGlassOffer id={id} message={problem} onOpened={reload} />}
      {problem && !(refused && BREAK_GLASS_ROLES.includes(user?.role ?? "")) && <Problem message={problem} />}
      {!record && !problem && <Loading />}
      {record && (
        <>
          <Summary r={record} />
          <Actions r={record} manager={user?.role === "team_manager"} />
          <nav class="govuk-!-margin-bottom-6" aria-label="Parts of the record">
            <ul class="app-inline-list">
              {tabs.map((t) => (
                <li key={t.tab}>
                  <Link class="govuk-link govuk-link--no-visited-state" href={`/children/${id}${t.path}`}
                    aria-current={t.tab === tab ? "page" : undefined}>
                    {t.tab === tab ? <strong>{t.text}</strong> : t.text}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {tab === "details" && <Details r={record} />}
          {tab === "relationships" && <Relationships r={record} />}
          {tab === "journal" && <Journal id={id} />}
          {tab === "chronology" && <Chronology id={id} />}
          {tab === "clocks" && <ClocksTab record={record} />}
          {tab === "sharing" && <SharingLog id={id} />}
          {tab === "access-log" && <AccessLog id={id} />}
        </>
      )}
    </Layout>
  );
}
