// What can be done to a clock on a child's record, one thing per page: an event that starts or
// stops clocks, a shorter timescale (TIM-03), an extension request, the consultation with
// another agency's manager, and the allocated team manager's decision (TIM-04). Refusals come
// back as the GOV.UK error summary, in the server's words, naming what is missing.
import { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { useAuth } from "../auth";
import {
  buildConsultation, buildDecision, buildEvent, buildExtension, buildShorter, ConsultationFields, EventFields,
  ExtensionFields, pendingExtension,
} from "../clocks";
import { ClockDates, ExtensionDetails } from "../components/ClockTables";
import { DateInput, DateParts, Errors, Radios, Select, TextInput, Textarea } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { RecordForm } from "../components/RecordForm";
import { useDraft } from "../drafts";
import { errorsFrom } from "../errors";
import { londonNow } from "../format";
import { navigate } from "../router";
import type { Clock, ExtensionRequest, PersonRecord, TimescaleEvent } from "../types";
import { decidesExtensions, useClocks } from "./Clocks";
import { useRecord } from "./Record";

const LABELS: Record<string, string> = {
  due: "The date", reason: "The reason", proposed_due: "The date", agencies: "Other agencies",
  agency: "The agency", manager_name: "The manager's name", consulted_at: "When you consulted them",
  view: "What they said", decision: "The decision", event: "What happened", occurred_on: "The date",
  // Refusals naming what is missing are sentences of their own.
  consultations: "",
};

const noDate = (): DateParts => ({ day: "", month: "", year: "" });

function today(): DateParts {
  const now = londonNow();
  return { day: now.day, month: now.month, year: now.year };
}

// Posts body, then shows the record's clocks; a refusal becomes the error summary.
async function send(personId: string, path: string, body: Record<string, unknown>, setErrors: (e: Errors) => void, after?: () => Promise<void>) {
  try {
    await post(path, body);
    if (after) await after();
    navigate(`/children/${personId}/clocks`);
  } catch (e) {
    setErrors(errorsFrom(e, LABELS));
  }
}

function Frame(p: Omit<Parameters<typeof RecordForm>[0], "cancel">) {
  return <RecordForm {...p} cancel={`/children/${p.record.id}/clocks`} />;
}

// Loads the record and the clock, then shows the form for it (or what stopped it loading).
function ClockPage({ id, clockId, title, children }: {
  id: string; clockId: string; title: string; children: (record: PersonRecord, clock: Clock) => ComponentChildren;
}) {
  const { record, problem } = useRecord(id);
  const { clocks, problem: clockProblem } = useClocks(id);
  const clock = clocks?.find((c) => c.id === clockId);
  const missing = clocks && !clock ? "There is no such clock on this record." : "";
  const trouble = problem || clockProblem || missing;
  return (
    <Layout title={record ? `${title}: ${record.display_name}` : title}>
      {trouble && <Problem message={trouble} />}
      {(!record || !clocks) && !trouble && <Loading />}
      {record && clock && children(record, clock)}
    </Layout>
  );
}

function ClockSummary({ clock }: { clock: Clock }) {
  return (
    <>
      <h2 class="govuk-heading-m">{clock.name}</h2>
      <ClockDates clock={clock} />
    </>
  );
}

export function ShorterTimescale({ id, clockId }: { id: string; clockId: string }) {
  return (
    <ClockPage id={id} clockId={clockId} title="Set a shorter timescale">
      {(record, clock) => <ShorterForm record={record} clock={clock} />}
    </ClockPage>
  );
}

function ShorterForm({ record, clock }: { record: PersonRecord; clock: Clock }) {
  const [due, setDue] = useState<DateParts>(noDate());
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = () => {
    const b = buildShorter(clock, { due, reason });
    setErrors(b.errors);
    if (b.body) send(record.id, `/clocks/${clock.id}/shorter-timescale`, b.body, setErrors);
  };
  return (
    <Frame record={record} title="Set a shorter timescale" errors={errors} onSubmit={submit} button="Set the shorter timescale">
      <ClockSummary clock={clock} />
      <DateInput id="due" label="By when must it be done?" value={due} onChange={setDue} error={errors.due}
        hint="The earlier date then governs; the statutory date is kept, and reports still count against it." />
      <Textarea id="reason" label="Why does the child's welfare need it sooner?" value={reason} onInput={setReason} rows={4}
        hint="The timescales are minimum standards; this reason is on the record for anyone who reviews the decision." error={errors.reason} />
    </Frame>
  );
}

export function RequestExtension({ id, clockId }: { id: string; clockId: string }) {
  return (
    <ClockPage id={id} clockId={clockId} title="Request an extension">
      {(record, clock) => <ExtensionForm record={record} clock={clock} />}
    </ClockPage>
  );
}

function ExtensionForm({ record, clock }: { record: PersonRecord; clock: Clock }) {
  const initial: ExtensionFields = { proposed_due: noDate(), reason: "", agencies: "" };
  const { fields: f, update, status, loaded, discard } = useDraft(`extension-${clock.id}`, initial, record.id);
  const [errors, setErrors] = useState<Errors>({});
  if (!loaded) return <Loading />;
  const submit = () => {
    const b = buildExtension(clock, f);
    setErrors(b.errors);
    if (b.body) send(record.id, `/clocks/${clock.id}/extension`, b.body, setErrors, discard);
  };
  return (
    <Frame record={record} title="Request an extension" errors={errors} onSubmit={submit} button="Request the extension" draft={status}>
      <ClockSummary clock={clock} />
      <div class="govuk-inset-text">
        A manager of the team the child is allocated to decides, once each other agency's manager has been consulted.
      </div>
      <DateInput id="proposed_due" label="What date are you asking for?" value={f.proposed_due} onChange={(v) => update({ proposed_due: v })}
        hint="The statutory date is kept: reports still count the clock as late against it." error={errors.proposed_due} />
      <Textarea id="reason" label="Why can the timescale not be met?" value={f.reason} onInput={(v) => update({ reason: v })} rows={4}
        hint="The manager decides on this; say what is outstanding and what the child needs meanwhile." error={errors.reason} />
      <Textarea id="agencies" label="Which other agencies are involved?" value={f.agencies} onInput={(v) => update({ agencies: v })} rows={3}
        hint="One on each line, for example Police or Health. Their managers must be consulted before the extension can be authorised."
        error={errors.agencies} />
    </Frame>
  );
}

// A page about the clock's waiting extension request, or what to do when there is none.
function PendingRequestPage({ id, clockId, title, children }: {
  id: string; clockId: string; title: string; children: (record: PersonRecord, clock: Clock, pending: ExtensionRequest) => ComponentChildren;
}) {
  return (
    <ClockPage id={id} clockId={clockId} title={title}>
      {(record, clock) => {
        const pending = pendingExtension(clock);
        return pending ? children(record, clock, pending)
          : <Problem message="There is no extension request waiting on this clock. Request one first from the child's clocks." />;
      }}
    </ClockPage>
  );
}

export function RecordConsultation({ id, clockId }: { id: string; clockId: string }) {
  return (
    <PendingRequestPage id={id} clockId={clockId} title="Record a consultation">
      {(record, clock, pending) => <ConsultationForm record={record} clock={clock} agencies={pending.agencies} notYet={pending.not_yet_consulted} />}
    </PendingRequestPage>
  );
}

function ConsultationForm({ record, clock, agencies, notYet }: { record: PersonRecord; clock: Clock; agencies: string[]; notYet: string[] }) {
  const now = londonNow();
  const initial: ConsultationFields = {
    agency: notYet.length === 1 ? notYet[0] : "", manager_name: "",
    when: { day: now.day, month: now.month, year: now.year }, time: now.time, view: "",
  };
  const { fields: f, update, status, loaded, discard } = useDraft(`consultation-${clock.id}`, initial, record.id);
  const [errors, setErrors] = useState<Errors>({});
  if (!loaded) return <Loading />;
  const submit = () => {
    const b = buildConsultation(f);
    setErrors(b.errors);
    if (b.body) send(record.id, `/clocks/${clock.id}/extension/consultations`, b.body, setErrors, discard);
  };
  return (
    <Frame record={record} title="Record a consultation" errors={errors} onSubmit={submit} button="Record the consultation" draft={status}>
      <ClockSummary clock={clock} />
      <Radios id="agency" label="Which agency's manager did you consult?" value={f.agency} onChange={(v) => update({ agency: v })}
        hint="The procedures require each other agency's manager to be consulted before an extension."
        choices={agencies.map((a) => ({ value: a, label: a, hint: notYet.includes(a) ? "Not yet consulted" : "Already consulted" }))}
        error={errors.agency} />
      <TextInput id="manager_name" label="The manager's name and post" value={f.manager_name} onInput={(v) => update({ manager_name: v })}
        hint="So whoever reviews the extension knows who agreed to it." error={errors.manager_name} />
      <DateInput id="consulted_at" label="When did you consult them?" value={f.when} onChange={(v) => update({ when: v })} error={errors.consulted_at} />
      <TextInput id="consulted_at-time" label="Time" value={f.time} onInput={(v) => update({ time: v })} width="5"
        hint="For example, 14:30 or 2:30pm (UK time)." error={errors["consulted_at-time"]} />
      <Textarea id="view" label="What did they say?" value={f.view} onInput={(v) => update({ view: v })} rows={4}
        hint="In their words as far as you can; the deciding manager relies on it." error={errors.view} />
    </Frame>
  );
}

export function DecideExtension({ id, clockId }: { id: string; clockId: string }) {
  return (
    <PendingRequestPage id={id} clockId={clockId} title="Decide on the extension">
      {(record, clock, pending) => <DecisionForm record={record} clock={clock} pending={pending} />}
    </PendingRequestPage>
  );
}

function DecisionForm({ record, clock, pending }: { record: PersonRecord; clock: Clock; pending: ExtensionRequest }) {
  const { user } = useAuth();
  const [decision, setDecision] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = () => {
    const b = buildDecision({ decision, reason });
    setErrors(b.errors);
    if (b.body) send(record.id, `/clocks/${clock.id}/extension/decision`, b.body, setErrors);
  };
  return (
    <Frame record={record} title="Decide on the extension" errors={errors} onSubmit={submit} button="Record the decision">
      <ClockSummary clock={clock} />
      {!decidesExtensions(user, record) && (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            Only a team manager of the team this child is allocated to can decide.
          </strong>
        </div>
      )}
      <div id="consultations" tabIndex={-1}>
        <ExtensionDetails request={pending} headingLevel={2} />
      </div>
      <Radios id="decision" label="Your decision" value={decision} onChange={setDecision} error={errors.decision}
        hint="Authorising moves the due date; the statutory date is kept and reports still count against it."
        choices={[{ value: "authorise", label: "Authorise the extension" }, { value: "decline", label: "Decline it" }]} />
      <Textarea id="reason" label="Your reason" value={reason} onInput={setReason} rows={4}
        hint="Recorded on the child's record with your name." error={errors.reason} />
    </Frame>
  );
}

export function RecordEvent({ id }: { id: string }) {
  const { record, problem } = useRecord(id);
  const [events, setEvents] = useState<TimescaleEvent[] | null>(null);
  const [loadProblem, setLoadProblem] = useState("");
  const [f, setF] = useState<EventFields>({ event: "", when: today(), note: "" });
  const [errors, setErrors] = useState<Errors>({});
  useEffect(() => {
    get<{ events: TimescaleEvent[] }>("/timescales").then((r) => setEvents(r.events)).catch((e) => setLoadProblem(e.message));
  }, []);
  const trouble = problem || loadProblem;
  const title = "Record an event";
  const submit = () => {
    const b = buildEvent(f);
    setErrors(b.errors);
    if (b.body && record) send(record.id, `/persons/${record.id}/events`, b.body, setErrors);
  };
  return (
    <Layout title={record ? `${title}: ${record.display_name}` : title}>
      {trouble && <Problem message={trouble} />}
      {(!record || !events) && !trouble && <Loading />}
      {record && events && (
        <Frame record={record} title={title} errors={errors} onSubmit={submit} button="Record the event">
          <p class="govuk-body">Recording an event starts the clocks it begins and stops the ones it meets, counted in working days from its date.</p>
          <Select id="event" label="What happened?" value={f.event} onChange={(v) => setF({ ...f, event: v })}
            choices={events.map((e) => ({ value: e.key, label: e.name }))}
            hint="The partnership's timescales say which clocks each event starts or stops." error={errors.event} />
          <DateInput id="occurred_on" label="When did it happen?" value={f.when} onChange={(v) => setF({ ...f, when: v })}
            hint="Due dates are counted from this date, not from when it is recorded." error={errors.occurred_on} />
          <Textarea id="note" label="Note (optional)" value={f.note} onInput={(v) => setF({ ...f, note: v })} rows={2}
            hint="For example, who made the referral." />
        </Frame>
      )}
    </Layout>
  );
}
