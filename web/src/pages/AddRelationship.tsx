// Linking a family member or someone else to a child (REC-01, EQU-03): found among the people
// already recorded, or recorded here (with likely duplicates shown first, REC-06).
import { useState } from "preact/hooks";
import { ApiError, get, post, query } from "../api";
import { Checkbox, DateInput, Errors, Radios, TextInput, Textarea } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { RecordForm } from "../components/RecordForm";
import { errorsFrom } from "../errors";
import { formatDate } from "../format";
import { navigate } from "../router";
import { buildRelationship, emptyRelationship, NEW_PERSON, RELATIONSHIP_TYPES, RelationshipFields } from "../relationshipForm";
import type { PersonSummary } from "../types";
import { useRecord } from "./Record";

const LABELS: Record<string, string> = {
  related_person_id: "The person", type: "The relationship", description: "The description",
  given_names: "Given names", family_name: "Family name", date_of_birth: "Date of birth",
};

const YES_NO = [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }];

interface Candidate { id: string; display_name: string; hint: string }

function candidateFrom(p: PersonSummary): Candidate {
  const born = p.date_of_birth ? `Born ${formatDate(p.date_of_birth)}` : "Date of birth not known";
  return { id: p.id, display_name: p.display_name, hint: [born, p.postcode].filter(Boolean).join(", ") };
}

export function AddRelationship({ id }: { id: string }) {
  const { record, problem } = useRecord(id);
  const [f, setF] = useState<RelationshipFields>(emptyRelationship());
  const [name, setName] = useState("");
  const [found, setFound] = useState<Candidate[] | null>(null);
  const [duplicates, setDuplicates] = useState<string[]>([]);
  const [someoneElse, setSomeoneElse] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const update = (next: Partial<RelationshipFields>) => setF({ ...f, ...next });

  const search = async () => {
    if (!name.trim()) {
      setErrors({ "find-name": "Enter a name to search for" });
      return;
    }
    setErrors({});
    try {
      const r = await get<{ results: PersonSummary[] }>(`/persons${query({ name: name.trim(), limit: 20 })}`);
      setFound(r.results.filter((p) => p.id !== id).map(candidateFrom));
    } catch (e) {
      setErrors(errorsFrom(e, { name: "The name" }));
    }
  };

  const submit = async () => {
    const b = buildRelationship(f);
    if (duplicates.length && f.person === NEW_PERSON && !someoneElse) {
      b.errors["someone-else"] = "Choose the person from the list if they are already recorded, or confirm they are someone different";
    }
    setErrors(b.errors);
    if (Object.keys(b.errors).length) return;
    try {
      let personId = f.person;
      if (b.newPerson) {
        const body = someoneElse ? { ...b.newPerson, not_duplicates: duplicates } : b.newPerson;
        personId = (await post<{ person: { id: string } }>("/persons", body)).person.id;
      }
      await post(`/persons/${id}/relationships`, { ...b.relationship, related_person_id: personId });
      navigate(`/children/${id}/relationships`);
    } catch (e) {
      if (e instanceof ApiError && e.code === "likely_duplicate") {
        const dupes: { person_id: string; display_name: string; reasons: string[] }[] = e.body.duplicates;
        setDuplicates(dupes.map((d) => d.person_id));
        setFound([...dupes.map((d) => ({ id: d.person_id, display_name: d.display_name, hint: d.reasons.join("; ") }))]);
        setSomeoneElse(false);
        setErrors({ person: "This person may already be recorded: choose them below, or confirm they are someone different" });
        return;
      }
      setErrors(errorsFrom(e, LABELS));
    }
  };

  const title = "Add a family member or other person";
  const choices = [...(found ?? []).map((c) => ({ value: c.id, label: c.display_name, hint: c.hint })),
    { value: NEW_PERSON, label: "They are not recorded yet", hint: "Record them now, with as much as you know." }];
  return (
    <Layout title={record ? `${title}: ${record.display_name}` : title}>
      {problem && <Problem message={problem} />}
      {!record && !problem && <Loading />}
      {record && (
        <RecordForm record={record} title={title} errors={errors} onSubmit={submit} button="Add the person" cancel={`/children/${id}/relationships`}>
          {/* Enter in the name box searches, as it does in every other search box, instead of submitting the form. */}
          <div class="app-header__search govuk-!-margin-bottom-6" onKeyDown={(e) => {
            if (e.key === "Enter" && (e.target as HTMLElement).id === "find-name") {
              e.preventDefault();
              void search();
            }
          }}>
            <TextInput id="find-name" label="Find them by name" value={name} onInput={setName} error={errors["find-name"]}
              hint="Search first: each person is recorded once, with all the children they are linked to." />
            <button class="govuk-button govuk-button--secondary" type="button" onClick={search}>Find</button>
          </div>
          {found && found.length === 0 && <p class="govuk-body" role="status">No one else is recorded with that name.</p>}
          <Radios id="person" label="Who are you adding?" value={f.person} choices={choices} error={errors.person}
            onChange={(v) => update({ person: v })} />
          {f.person === NEW_PERSON && (
            <div class="app-repeat">
              <TextInput id="given_names" label="Given names" value={f.given_names} onInput={(v) => update({ given_names: v })} error={errors.given_names} />
              <TextInput id="family_name" label="Family name" value={f.family_name} onInput={(v) => update({ family_name: v })} error={errors.family_name} />
              <DateInput id="date_of_birth" label="Date of birth (if known)" value={f.dob} onChange={(v) => update({ dob: v })}
                hint="Helps tell people with the same name apart." error={errors.date_of_birth} />
              {duplicates.length > 0 && (
                <Checkbox id="someone-else" label="They are someone different from the people listed above" checked={someoneElse}
                  onChange={setSomeoneElse} error={errors["someone-else"]} />
              )}
            </div>
          )}
          <Radios id="type" label="How are they related to the child?" value={f.type} choices={RELATIONSHIP_TYPES} error={errors.type}
            hint="Read from the child's side: this person is the child's parent, carer…" onChange={(v) => update({ type: v })} />
          {f.type === "other" && (
            <Textarea id="description" label="Describe the relationship" value={f.description} rows={2}
              onInput={(v) => update({ description: v })} error={errors.description} />
          )}
          <Radios id="parental_responsibility" label="Do they have parental responsibility?" value={f.parental_responsibility}
            choices={YES_NO} inline error={errors.parental_responsibility} onChange={(v) => update({ parental_responsibility: v })}
            hint="Who must be consulted and informed about decisions for the child." />
          <Radios id="lives_with_child" label="Do they live with the child?" value={f.lives_with_child} choices={YES_NO} inline
            error={errors.lives_with_child} onChange={(v) => update({ lives_with_child: v })}
            hint="The household matters to every assessment and visit." />
        </RecordForm>
      )}
    </Layout>
  );
}
