// Recording an unborn child as "Unborn <mother's surname>" (REC-04).
import { useState } from "preact/hooks";
import { post } from "../api";
import { DateInput, DateParts, ErrorSummary, Errors, TextInput } from "../components/fields";
import { Layout } from "../components/Layout";
import { errorsFrom } from "../errors";
import { dateFromParts } from "../format";
import { navigate } from "../router";

const LABELS = { mother_family_name: "Mother's family name", mother_nhs_number: "Mother's NHS number",
  expected_date_of_delivery: "Expected date of delivery" };

export function NewUnborn() {
  const [surname, setSurname] = useState("");
  const [nhs, setNhs] = useState("");
  const [edd, setEdd] = useState<DateParts>({ day: "", month: "", year: "" });
  const [errors, setErrors] = useState<Errors>({});

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Errors = {};
    if (!surname.trim()) found.mother_family_name = "Enter the mother's family name";
    const date = dateFromParts(edd.day, edd.month, edd.year);
    if (!date.date) found.expected_date_of_delivery = date.error ? `Expected date of delivery ${date.error}` : "Enter the expected date of delivery";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const body: Record<string, string> = { mother_family_name: surname.trim(), expected_date_of_delivery: date.date! };
      if (nhs.trim()) body.mother_nhs_number = nhs.trim();
      const created = await post<{ person: { id: string } }>("/unborn", body);
      navigate(`/children/${created.person.id}`);
    } catch (err) {
      setErrors(errorsFrom(err, LABELS));
    }
  };

  return (
    <Layout title="Record an unborn child">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">Record an unborn child</h1>
          <p class="govuk-body">The record is named “Unborn” and the mother's family name until the birth is recorded; the history is kept.</p>
          <form onSubmit={submit} novalidate>
            <TextInput id="mother_family_name" label="Mother's family name" value={surname} onInput={setSurname}
              error={errors.mother_family_name} hint="The record is called Unborn followed by this name." />
            <TextInput id="mother_nhs_number" label="Mother's NHS number (if known)" value={nhs} onInput={setNhs} width="10"
              error={errors.mother_nhs_number} hint="Identifies the child's record until the baby has its own NHS number." />
            <DateInput id="expected_date_of_delivery" label="Expected date of delivery" value={edd} onChange={setEdd}
              error={errors.expected_date_of_delivery} hint="Stands as the date of birth until the birth is recorded." />
            <button class="govuk-button" type="submit">Record the unborn child</button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
