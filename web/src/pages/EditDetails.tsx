// A child's details, and why any that are missing are not known (REC-02, EQU-01). The
// version sent is the one the user saw, so a change made on stale information is refused.
import { useEffect, useState } from "preact/hooks";
import { get, post, api } from "../api";
import { DateInput, DateParts, ErrorSummary, Errors, Radios, Select, TextInput, Textarea } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { errorsFrom } from "../errors";
import { dateFromParts } from "../format";
import { Link, navigate } from "../router";
import type { PersonRecord } from "../types";
import { useRecord } from "./Record";

interface Choices { genders: string[]; ethnicities: string[]; religions: string[] }

const LABELS: Record<string, string> = {
  gender: "Gender", ethnicity: "Ethnicity", religion: "Religion", first_language: "First language",
  disability: "Disability", communication_needs: "Communication needs", interpreter_needed: "Interpreter needed",
  nhs_number: "NHS number", version: "The record",
};

// A list to choose from when the partnership keeps one, otherwise free text.
function ChoiceOrText(p: { id: string; label: string; hint: string; options: string[]; value: string; error?: string; onChange: (v: string) => void }) {
  return p.options.length
    ? <Select id={p.id} label={p.label} hint={p.hint} options={p.options} value={p.value} error={p.error} onChange={p.onChange} />
    : <TextInput id={p.id} label={p.label} hint={p.hint} value={p.value} error={p.error} onInput={p.onChange} />;
}

function DetailsForm({ r, choices }: { r: PersonRecord; choices: Choices }) {
  const d = r.details;
  const [f, setF] = useState({
    gender: d.gender, ethnicity: d.ethnicity, religion: d.religion, first_language: d.first_language,
    disability: d.disability, communication_needs: d.communication_needs, nhs_number: d.nhs_number ?? "",
    interpreter: d.interpreter_needed === null ? "" : d.interpreter_needed ? "yes" : "no",
  });
  const [notKnown, setNotKnown] = useState<Record<string, string>>({ ...d.not_known });
  const [errors, setErrors] = useState<Errors>({});
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const missing = r.missing_details.filter((m) => m.field !== "address" && m.field !== "full_name");

  const submit = async (e: Event) => {
    e.preventDefault();
    const reasons: Record<string, string> = {};
    for (const [k, v] of Object.entries(notKnown)) if (v.trim()) reasons[k] = v.trim();
    const body: Record<string, unknown> = {
      version: r.version, gender: f.gender, ethnicity: f.ethnicity, religion: f.religion, first_language: f.first_language,
      disability: f.disability, communication_needs: f.communication_needs, not_known: reasons,
      interpreter_needed: f.interpreter === "" ? null : f.interpreter === "yes",
    };
    if (f.nhs_number.trim() !== (d.nhs_number ?? "")) body.nhs_number = f.nhs_number.trim();
    try {
      await api("PATCH", `/persons/${r.id}`, body);
      navigate(`/children/${r.id}/details`);
    } catch (err) {
      setErrors(errorsFrom(err, LABELS));
    }
  };

  return (
    <form onSubmit={submit} novalidate>
      <ErrorSummary errors={errors} />
      <ChoiceOrText id="gender" label="Gender" options={choices.genders} value={f.gender} onChange={set("gender")} error={errors.gender}
        hint="Recorded for every child, so that no group is treated less favourably." />
      <ChoiceOrText id="ethnicity" label="Ethnicity" options={choices.ethnicities} value={f.ethnicity} onChange={set("ethnicity")} error={errors.ethnicity}
        hint="The census categories, so services can be compared across groups." />
      <ChoiceOrText id="religion" label="Religion" options={choices.religions} value={f.religion} onChange={set("religion")} error={errors.religion}
        hint="So the child's faith and its practices are respected." />
      <TextInput id="first_language" label="First language" value={f.first_language} onInput={set("first_language")} error={errors.first_language}
        hint="Shown when meetings are arranged, so the child and family can take part." />
      <Radios id="interpreter_needed" label="Is an interpreter needed?" value={f.interpreter} onChange={set("interpreter")} inline
        choices={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} error={errors.interpreter_needed}
        hint="Never a family member: meetings are arranged with a professional interpreter." />
      <Textarea id="communication_needs" label="Communication needs" value={f.communication_needs} onInput={set("communication_needs")} rows={2}
        hint="For example, signing, an advocate, or easy-read letters." />
      <TextInput id="disability" label="Disability" value={f.disability} onInput={set("disability")} error={errors.disability}
        hint="Any disability, or “None”, so support and adjustments are planned." />
      <TextInput id="nhs_number" label="NHS number" value={f.nhs_number} onInput={set("nhs_number")} width="10" error={errors.nhs_number}
        hint="Checked, and no two people may share one." />
      {missing.length > 0 && (
        <>
          <h2 class="govuk-heading-m">Details not known</h2>
          <p class="govuk-body">A record missing a required detail is listed as incomplete until the detail is supplied or you say why it is not known.</p>
          {missing.map((m) => (
            <TextInput key={m.field} id={`not_known-${m.field}`} label={`Why the ${m.label} is not known`} value={notKnown[m.field] ?? ""}
              onInput={(v) => setNotKnown({ ...notKnown, [m.field]: v })} error={errors[`not_known-${m.field}`]} />
          ))}
        </>
      )}
      <div class="govuk-button-group">
        <button class="govuk-button" type="submit">Save the details</button>
        <Link class="govuk-link" href={`/children/${r.id}/details`}>Cancel</Link>
      </div>
    </form>
  );
}

export function EditDetails({ id }: { id: string }) {
  const { record, problem } = useRecord(id);
  const [choices, setChoices] = useState<Choices | null>(null);
  useEffect(() => {
    get<Choices>("/choices").then(setChoices).catch(() => setChoices({ genders: [], ethnicities: [], religions: [] }));
  }, []);
  return (
    <Layout title={record ? `Change details: ${record.display_name}` : "Change details"}>
      {problem && <Problem message={problem} />}
      {(!record || !choices) && !problem && <Loading />}
      {record && choices && (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <span class="govuk-caption-l">{record.display_name}</span>
            <h1 class="govuk-heading-l">Change details</h1>
            <DetailsForm r={record} choices={choices} />
          </div>
        </div>
      )}
    </Layout>
  );
}

export function NewAddress({ id }: { id: string }) {
  const { record, problem } = useRecord(id);
  const [a, setA] = useState({ line1: "", line2: "", town: "", postcode: "" });
  const [moved, setMoved] = useState<DateParts>({ day: "", month: "", year: "" });
  const [errors, setErrors] = useState<Errors>({});
  const set = (k: keyof typeof a) => (v: string) => setA({ ...a, [k]: v });
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Errors = {};
    if (!a.line1.trim()) found.line1 = "Enter the first line of the address";
    const from = dateFromParts(moved.day, moved.month, moved.year);
    if (from.error) found.from = `The date they moved in ${from.error}`;
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: Record<string, unknown> = { line1: a.line1.trim(), line2: a.line2.trim(), town: a.town.trim(), postcode: a.postcode.trim() };
    if (from.date) body.from = from.date;
    try {
      await post(`/persons/${id}/addresses`, body);
      navigate(`/children/${id}/details`);
    } catch (err) {
      setErrors(errorsFrom(err, { line1: "Address line 1", postcode: "Postcode", from: "The date they moved in" }));
    }
  };
  return (
    <Layout title={record ? `New address: ${record.display_name}` : "New address"}>
      {problem && <Problem message={problem} />}
      {!record && !problem && <Loading />}
      {record && (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errors} />
            <span class="govuk-caption-l">{record.display_name}</span>
            <h1 class="govuk-heading-l">Record a new address</h1>
            <p class="govuk-body">The address now held becomes an earlier address; the history is kept.</p>
            <form onSubmit={submit} novalidate>
              <TextInput id="line1" label="Address line 1" value={a.line1} onInput={set("line1")} error={errors.line1} autocomplete="address-line1" />
              <TextInput id="line2" label="Address line 2 (optional)" value={a.line2} onInput={set("line2")} autocomplete="address-line2" />
              <TextInput id="town" label="Town or city" value={a.town} onInput={set("town")} width="20" autocomplete="address-level2" />
              <TextInput id="postcode" label="Postcode" value={a.postcode} onInput={set("postcode")} width="10" error={errors.postcode} autocomplete="postal-code" />
              <DateInput id="from" label="When did they move in? (optional)" value={moved} onChange={setMoved} error={errors.from}
                hint="So the address history shows where the child lived and when." />
              <div class="govuk-button-group">
                <button class="govuk-button" type="submit">Record the address</button>
                <Link class="govuk-link" href={`/children/${id}/details`}>Cancel</Link>
              </div>
            </form>
          </div>
        </div>
      )}
    </Layout>
  );
}
