// Recording a new child, warning of likely duplicates before anything is saved (REC-06).
import { useState } from "preact/hooks";
import { ApiError, post } from "../api";
import { Checkbox, DateInput, DateParts, ErrorSummary, Errors, TextInput } from "../components/fields";
import { Layout } from "../components/Layout";
import { draftKey, draftMessage, useDraft } from "../drafts";
import { errorsFrom } from "../errors";
import { dateFromParts } from "../format";
import { Link, navigate } from "../router";

interface Duplicate {
  person_id: string;
  display_name: string;
  reasons: string[];
}

const LABELS: Record<string, string> = {
  given_names: "Given names", family_name: "Family name", date_of_birth: "Date of birth",
  nhs_number: "NHS number", "address-line1": "Address line 1", "address-postcode": "Postcode",
};

const EMPTY = { given_names: "", family_name: "", dob: { day: "", month: "", year: "" } as DateParts, nhs_number: "",
  line1: "", town: "", postcode: "" };

export function NewChild() {
  const { fields: f, update, status, discard } = useDraft(draftKey("new-child"), EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const [notDuplicate, setNotDuplicate] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Errors = {};
    if (!f.given_names.trim()) found.given_names = "Enter the child's given names";
    if (!f.family_name.trim()) found.family_name = "Enter the child's family name";
    const dob = dateFromParts(f.dob.day, f.dob.month, f.dob.year);
    if (dob.error) found.date_of_birth = `Date of birth ${dob.error}`;
    if (duplicates.length && !notDuplicate) found["not-duplicates"] = "Open the existing record, or confirm this is a different child";
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: Record<string, unknown> = { given_names: f.given_names.trim(), family_name: f.family_name.trim() };
    if (dob.date) body.date_of_birth = dob.date;
    if (f.nhs_number.trim()) body.nhs_number = f.nhs_number.trim();
    if (f.line1.trim()) body.address = { line1: f.line1.trim(), town: f.town.trim(), postcode: f.postcode.trim() };
    if (notDuplicate) body.not_duplicates = duplicates.map((d) => d.person_id);
    try {
      const created = await post<{ person: { id: string } }>("/children", body);
      await discard();
      navigate(`/children/${created.person.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === "likely_duplicate") {
        setDuplicates(err.body.duplicates);
        setNotDuplicate(false);
        return;
      }
      setErrors(errorsFrom(err, LABELS));
    }
  };

  return (
    <Layout title="Record a new child">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">Record a new child</h1>
          <p class="govuk-body">Search first: the child may already be known. Casework also checks for likely duplicates before saving.</p>
          {duplicates.length > 0 && (
            <div class="govuk-warning-text" id="duplicates">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <div class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                This child may already be recorded:
                <ul class="govuk-list govuk-list--bullet govuk-!-margin-top-2">
                  {duplicates.map((d) => (
                    <li key={d.person_id}>
                      <Link class="govuk-link" href={`/children/${d.person_id}`}>{d.display_name}</Link> ({d.reasons.join("; ")})
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          <form onSubmit={submit} novalidate>
            <TextInput id="given_names" label="Given names" value={f.given_names} onInput={(v) => update({ given_names: v })}
              hint="As the child is known; you can record aliases and the birth certificate name later." error={errors.given_names} />
            <TextInput id="family_name" label="Family name" value={f.family_name} onInput={(v) => update({ family_name: v })}
              error={errors.family_name} />
            <DateInput id="date_of_birth" label="Date of birth" value={f.dob} onChange={(v) => update({ dob: v })}
              hint="Used to find duplicates and to show the child's age and stage wherever decisions are made. For example, 2 4 2018."
              error={errors.date_of_birth} />
            <TextInput id="nhs_number" label="NHS number (if known)" value={f.nhs_number} onInput={(v) => update({ nhs_number: v })}
              hint="10 digits. Checked, and no two people may share one, so records are not confused." width="10"
              error={errors.nhs_number} />
            <TextInput id="address-line1" label="Address line 1 (if known)" value={f.line1} onInput={(v) => update({ line1: v })}
              hint="Where the child lives now; earlier addresses are kept when it changes." error={errors["address-line1"]} />
            <TextInput id="address-town" label="Town" value={f.town} onInput={(v) => update({ town: v })} width="20" />
            <TextInput id="address-postcode" label="Postcode" value={f.postcode} onInput={(v) => update({ postcode: v })}
              width="10" error={errors["address-postcode"]} />
            {duplicates.length > 0 && (
              <Checkbox id="not-duplicates" label="I have checked these records and this is a different child"
                checked={notDuplicate} onChange={setNotDuplicate} error={errors["not-duplicates"]}
                hint="Your decision is recorded with the new record." />
            )}
            <p class="govuk-body-s app-draft-status" role="status">{draftMessage(status)}</p>
            <button class="govuk-button" type="submit">Record the child</button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
