// Identity: aliases and previous names, the birth certificate seen, the birth of a child
// recorded before birth, and its registration (REC-04, REC-05).
import { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { post } from "../api";
import { DateInput, DateParts, Errors, Radios, TextInput, Textarea } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { RecordForm } from "../components/RecordForm";
import { errorsFrom } from "../errors";
import { dateFromParts } from "../format";
import { navigate } from "../router";
import { useRecord } from "./Record";

const noDate = (): DateParts => ({ day: "", month: "", year: "" });

// A form about one child's record: its name above the heading, the errors, the button, and
// Cancel back to the part of the record it came from (details, unless cancel says otherwise).
export function Frame({ id, title, errors, onSubmit, button, cancel = "/details", children }: {
  id: string; title: string; errors: Errors; onSubmit: () => Promise<void>; button: string; cancel?: string; children: ComponentChildren;
}) {
  const { record, problem } = useRecord(id);
  return (
    <Layout title={record ? `${title}: ${record.display_name}` : title}>
      {problem && <Problem message={problem} />}
      {!record && !problem && <Loading />}
      {record && (
        <RecordForm record={record} title={title} errors={errors} onSubmit={onSubmit} button={button} cancel={`/children/${id}${cancel}`}>
          {children}
        </RecordForm>
      )}
    </Layout>
  );
}

// Sends body once the local checks pass; then back to the record's details.
async function send(id: string, path: string, body: Record<string, unknown>, found: Errors, setErrors: (e: Errors) => void, labels: Record<string, string>) {
  setErrors(found);
  if (Object.keys(found).length) return;
  try {
    await post(`/persons/${id}/${path}`, body);
    navigate(`/children/${id}/details`);
  } catch (e) {
    setErrors(errorsFrom(e, labels));
  }
}

export function OtherName({ id }: { id: string }) {
  const [kind, setKind] = useState("");
  const [given, setGiven] = useState("");
  const [family, setFamily] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = () => {
    const found: Errors = {};
    if (!kind) found.kind = "Choose whether this is an alias or a previous name";
    if (!given.trim() && !family.trim()) found.given_names = "Enter the name";
    return send(id, "names", { kind, given_names: given, family_name: family, note }, found, setErrors,
      { given_names: "Given names", family_name: "Family name", kind: "Kind of name" });
  };
  return (
    <Frame id={id} title="Record an alias or previous name" errors={errors} onSubmit={submit} button="Record the name">
      <Radios id="kind" label="What kind of name is it?" value={kind} onChange={setKind} error={errors.kind}
        hint="All known names are recorded and searchable, so records are not lost or confused."
        choices={[{ value: "alias", label: "An alias or other name the child is known by" }, { value: "previous", label: "A previous name" }]} />
      <TextInput id="given_names" label="Given names" value={given} onInput={setGiven} error={errors.given_names} />
      <TextInput id="family_name" label="Family name" value={family} onInput={setFamily} error={errors.family_name} />
      <Textarea id="note" label="Note (optional)" value={note} onInput={setNote} rows={2} hint="Where the name comes from or when it was used." />
    </Frame>
  );
}

export function BirthCertificate({ id }: { id: string }) {
  const [given, setGiven] = useState("");
  const [family, setFamily] = useState("");
  const [seen, setSeen] = useState<DateParts>(noDate());
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = () => {
    const found: Errors = {};
    if (!given.trim()) found.given_names = "Enter the given names on the certificate";
    if (!family.trim()) found.family_name = "Enter the family name on the certificate";
    const d = dateFromParts(seen.day, seen.month, seen.year);
    if (!d.date) found.seen_on = "Enter the date you saw the certificate";
    return send(id, "birth-certificate", { given_names: given, family_name: family, seen_on: d.date, note }, found, setErrors,
      { given_names: "Given names", family_name: "Family name", seen_on: "Date seen" });
  };
  return (
    <Frame id={id} title="Record that the birth certificate was seen" errors={errors} onSubmit={submit} button="Record the certificate">
      <p class="govuk-body">Where identity is in doubt, the name on the birth certificate becomes the name used from now on. The name used before is kept as a previous name.</p>
      <TextInput id="given_names" label="Given names on the certificate" value={given} onInput={setGiven} error={errors.given_names} />
      <TextInput id="family_name" label="Family name on the certificate" value={family} onInput={setFamily} error={errors.family_name} />
      <DateInput id="seen_on" label="When did you see it?" value={seen} onChange={setSeen} error={errors.seen_on} />
      <Textarea id="note" label="Note (optional)" value={note} onInput={setNote} rows={2} hint="For example, who showed it to you." />
    </Frame>
  );
}

export function Birth({ id }: { id: string }) {
  const [given, setGiven] = useState("");
  const [family, setFamily] = useState("");
  const [born, setBorn] = useState<DateParts>(noDate());
  const [nhs, setNhs] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = () => {
    const found: Errors = {};
    if (!given.trim()) found.given_names = "Enter the baby's given names";
    if (!family.trim()) found.family_name = "Enter the baby's family name";
    const d = dateFromParts(born.day, born.month, born.year);
    if (!d.date) found.born_on = "Enter the date of birth";
    const body: Record<string, unknown> = { given_names: given, family_name: family, born_on: d.date };
    if (nhs.trim()) body.nhs_number = nhs.trim();
    return send(id, "birth", body, found, setErrors,
      { given_names: "Given names", family_name: "Family name", born_on: "Date of birth", nhs_number: "NHS number" });
  };
  return (
    <Frame id={id} title="Record the birth" errors={errors} onSubmit={submit} button="Record the birth">
      <p class="govuk-body">The baby's name and NHS number replace “Unborn” and the mother's NHS number; the earlier details stay in the history. The birth must be registered within 42 days.</p>
      <TextInput id="given_names" label="Given names" value={given} onInput={setGiven} error={errors.given_names} />
      <TextInput id="family_name" label="Family name" value={family} onInput={setFamily} error={errors.family_name} />
      <DateInput id="born_on" label="Date of birth" value={born} onChange={setBorn} error={errors.born_on} />
      <TextInput id="nhs_number" label="The baby's NHS number (if known)" value={nhs} onInput={setNhs} width="10" error={errors.nhs_number} />
    </Frame>
  );
}

export function BirthRegistration({ id }: { id: string }) {
  const [on, setOn] = useState<DateParts>(noDate());
  const [errors, setErrors] = useState<Errors>({});
  const submit = () => {
    const d = dateFromParts(on.day, on.month, on.year);
    const found: Errors = d.date ? {} : { registered_on: "Enter the date the birth was registered" };
    return send(id, "birth-registration", { registered_on: d.date }, found, setErrors, { registered_on: "Date registered" });
  };
  return (
    <Frame id={id} title="Record that the birth was registered" errors={errors} onSubmit={submit} button="Record the registration">
      <DateInput id="registered_on" label="When was the birth registered?" value={on} onChange={setOn} error={errors.registered_on}
        hint="Clears the reminder that the birth is due to be registered." />
    </Frame>
  );
}
