// Consent to share a person's information and the log of what has been shared, with whom and
// on what basis (SHR-01..03): the record's "Consent and sharing" part, and the two forms.
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { useAuth } from "../auth";
import { DateInput, DateParts, Errors, Radios, TextInput, Textarea } from "../components/fields";
import { Loading, Problem } from "../components/Layout";
import { errorsFrom } from "../errors";
import { formatDate, formatDateTime, londonNow } from "../format";
import { Link, navigate } from "../router";
import { Frame } from "./IdentityForms";
import { basisLabel, buildConsent, buildDisclosure, ConsentFields, DECISIONS, DisclosureFields, LAWFUL_BASES } from "../sharing";
import type { Consent, InformationSharing } from "../types";

const DECISION_TAGS: Record<string, string> = { given: "govuk-tag--green", refused: "govuk-tag--red", withdrawn: "govuk-tag--orange" };

function today(): DateParts {
  const now = londonNow();
  return { day: now.day, month: now.month, year: now.year };
}

function ConsentTable({ caption, consents }: { caption: string; consents: Consent[] }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Purpose</th>
          <th scope="col" class="govuk-table__header">Consent</th>
          <th scope="col" class="govuk-table__header">Decided by, on</th>
          <th scope="col" class="govuk-table__header">Recorded by</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {consents.map((c) => (
          <tr class="govuk-table__row" key={c.id}>
            <th scope="row" class="govuk-table__header">{c.purpose}{c.note ? <p class="govuk-body-s govuk-!-margin-0">{c.note}</p> : null}</th>
            <td class="govuk-table__cell"><strong class={`govuk-tag ${DECISION_TAGS[c.decision]}`}>{c.decision}</strong></td>
            <td class="govuk-table__cell">{c.decided_by}, {formatDate(c.decided_on)}</td>
            <td class="govuk-table__cell">{c.recorded_by.name}, {formatDateTime(c.recorded_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The part of the record: consent in force, what has been shared, and every consent decision.
export function SharingLog({ id }: { id: string }) {
  const { user } = useAuth();
  // Auditors and records officers read the log; those who work with the child record in it.
  const mayRecord = ["practitioner", "team_manager"].includes(user?.role ?? "");
  const [log, setLog] = useState<InformationSharing | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    get<InformationSharing>(`/persons/${id}/sharing`).then(setLog).catch((e) => setProblem(e.message));
  }, [id]);
  if (problem) return <Problem message={problem} />;
  if (!log) return <Loading />;
  return (
    <>
      <h2 class="govuk-heading-m">Consent and sharing</h2>
      {mayRecord && (
        <div class="govuk-button-group">
          <Link class="govuk-button govuk-button--secondary" href={`/children/${id}/consents/new`}>Record consent</Link>
          <Link class="govuk-button govuk-button--secondary" href={`/children/${id}/disclosures/new`}>Record information shared</Link>
        </div>
      )}
      {log.consents_in_force.length === 0
        ? <p class="govuk-body">No consent to share has been recorded.</p>
        : <ConsentTable caption="Consent in force, by purpose" consents={log.consents_in_force} />}
      <h3 class="govuk-heading-s">Information shared</h3>
      {log.disclosures.length === 0 ? <p class="govuk-body">Nothing has been recorded as shared.</p> : (
        <ol class="govuk-list">
          {log.disclosures.map((d) => (
            <li key={d.id} class="app-journal-item">
              <p class="govuk-body govuk-!-margin-bottom-1">
                <strong>{formatDate(d.disclosed_on)}: to {d.recipient}{d.recipient_agency ? ` (${d.recipient_agency})` : ""}</strong>
              </p>
              <dl class="govuk-summary-list govuk-summary-list--no-border">
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What</dt><dd class="govuk-summary-list__value">{d.information}</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Why</dt><dd class="govuk-summary-list__value">{d.purpose}</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Lawful basis</dt><dd class="govuk-summary-list__value">{basisLabel(d.lawful_basis)}</dd></div>
                {d.justification && (
                  <>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Why necessary</dt><dd class="govuk-summary-list__value">{d.justification.necessary}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Why proportionate</dt><dd class="govuk-summary-list__value">{d.justification.proportionate}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Decided by</dt><dd class="govuk-summary-list__value">{d.justification.decided_by}</dd></div>
                  </>
                )}
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Recorded by</dt><dd class="govuk-summary-list__value">{d.recorded_by.name}, {formatDateTime(d.recorded_at)}</dd></div>
              </dl>
            </li>
          ))}
        </ol>
      )}
      {log.consent_history.length > log.consents_in_force.length && (
        <ConsentTable caption="Every consent decision, in the order recorded" consents={log.consent_history} />
      )}
    </>
  );
}

export function NewConsent({ id }: { id: string }) {
  const [f, setF] = useState<ConsentFields>({ purpose: "", decision: "", decided_on: today(), decided_by: "", note: "" });
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof ConsentFields>(k: K) => (v: ConsentFields[K]) => setF({ ...f, [k]: v });
  const submit = async () => {
    const { body, errors: found } = buildConsent(f);
    setErrors(found);
    if (!body) return;
    try {
      await post(`/persons/${id}/consents`, body);
      navigate(`/children/${id}/sharing`);
    } catch (err) {
      setErrors(errorsFrom(err, { purpose: "Purpose", decision: "Consent", decided_on: "The date they decided", decided_by: "Who decided" }));
    }
  };
  return (
    <Frame id={id} title="Record consent to share information" errors={errors} onSubmit={submit} button="Record consent" cancel="/sharing">
      <p class="govuk-body">A new decision for a purpose takes the place of the last; every decision stays in the record.</p>
      <TextInput id="purpose" label="What may be shared, with whom and why?" value={f.purpose} onInput={set("purpose")} error={errors.purpose}
        hint="For example: health information with the school nurse for a health assessment. Use the same words each time for the same purpose." />
      <Radios id="decision" label="Consent" value={f.decision} choices={DECISIONS} onChange={set("decision")} inline error={errors.decision} />
      <DateInput id="decided_on" label="When did they decide?" value={f.decided_on} onChange={set("decided_on")} error={errors.decided_on} />
      <TextInput id="decided_by" label="Who decided?" value={f.decided_by} onInput={set("decided_by")} error={errors.decided_by}
        hint="The person, or who decided for them, such as a parent with parental responsibility." />
      <Textarea id="note" label="Anything else (optional)" value={f.note} onInput={set("note")} rows={3}
        hint="For example, what they were told, or any limits they set." />
    </Frame>
  );
}

export function NewDisclosure({ id }: { id: string }) {
  const [f, setF] = useState<DisclosureFields>({
    information: "", recipient: "", recipient_agency: "", disclosed_on: today(), purpose: "", lawful_basis: "",
    necessary: "", proportionate: "", decided_by: "",
  });
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof DisclosureFields>(k: K) => (v: DisclosureFields[K]) => setF({ ...f, [k]: v });
  const submit = async () => {
    const { body, errors: found } = buildDisclosure(f);
    setErrors(found);
    if (!body) return;
    try {
      await post(`/persons/${id}/disclosures`, body);
      navigate(`/children/${id}/sharing`);
    } catch (err) {
      setErrors(errorsFrom(err, {
        information: "What was shared", recipient: "Who it was shared with", disclosed_on: "The date it was shared",
        purpose: "Why", lawful_basis: "The lawful basis:", "justification-necessary": "Why it is necessary",
        "justification-proportionate": "Why it is proportionate", "justification-decided_by": "Who decided",
      }));
    }
  };
  const withoutConsent = f.lawful_basis !== "" && f.lawful_basis !== "consent";
  return (
    <Frame id={id} title="Record information shared" errors={errors} onSubmit={submit} button="Record information shared" cancel="/sharing">
      <p class="govuk-body">Every disclosure outside Casework is logged: what, to whom, when, why and on what basis.</p>
      <Textarea id="information" label="What was shared?" value={f.information} onInput={set("information")} rows={3} error={errors.information} />
      <TextInput id="recipient" label="Who was it shared with?" value={f.recipient} onInput={set("recipient")} error={errors.recipient}
        hint="Their name and role." />
      <TextInput id="recipient_agency" label="Their agency (optional)" value={f.recipient_agency} onInput={set("recipient_agency")} />
      <DateInput id="disclosed_on" label="When was it shared?" value={f.disclosed_on} onChange={set("disclosed_on")} error={errors.disclosed_on} />
      <TextInput id="purpose" label="Why was it shared?" value={f.purpose} onInput={set("purpose")} error={errors.purpose}
        hint="When sharing on consent, the purpose the consent was given for." />
      <Radios id="lawful_basis" label="On what lawful basis?" value={f.lawful_basis} choices={LAWFUL_BASES} onChange={set("lawful_basis")} error={errors.lawful_basis} />
      {withoutConsent && (
        <div class="app-repeat">
          <Textarea id="justification-necessary" label="Why is sharing without consent necessary?" value={f.necessary} onInput={set("necessary")} rows={3}
            error={errors["justification-necessary"]} />
          <Textarea id="justification-proportionate" label="Why is it proportionate?" value={f.proportionate} onInput={set("proportionate")} rows={3}
            hint="Only what the recipient needs, to those who need it." error={errors["justification-proportionate"]} />
          <TextInput id="justification-decided_by" label="Who decided to share without consent?" value={f.decided_by} onInput={set("decided_by")}
            hint="Their name and post." error={errors["justification-decided_by"]} />
        </div>
      )}
    </Frame>
  );
}
