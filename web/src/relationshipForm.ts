// The form for linking a person to a child (REC-01, EQU-03): who (someone already recorded, or
// someone new), how they are related, parental responsibility and whether they live with the
// child. Checks here only spare a round trip; the server's rules decide.
import type { DateParts, Errors } from "./components/fields";
import { dateFromParts } from "./format";

export const RELATIONSHIP_TYPES = [
  { value: "parent", label: "Parent" },
  { value: "step_parent", label: "Step-parent" },
  { value: "carer", label: "Carer" },
  { value: "sibling", label: "Sibling" },
  { value: "grandparent", label: "Grandparent" },
  { value: "household_member", label: "Someone else in the household" },
  { value: "other", label: "Other" },
];

// "new" stands for a person not yet recorded; any other value is a recorded person's id.
export const NEW_PERSON = "new";

export interface RelationshipFields {
  person: string;
  given_names: string;
  family_name: string;
  dob: DateParts;
  type: string;
  description: string;
  parental_responsibility: string;  // "yes" | "no" | ""
  lives_with_child: string;
}

export function emptyRelationship(): RelationshipFields {
  return { person: "", given_names: "", family_name: "", dob: { day: "", month: "", year: "" }, type: "", description: "",
    parental_responsibility: "", lives_with_child: "" };
}

export interface BuiltRelationship {
  newPerson: Record<string, unknown> | null;  // to record first, when the person is new
  relationship: Record<string, unknown>;       // related_person_id is added once known
  errors: Errors;
}

export function buildRelationship(f: RelationshipFields): BuiltRelationship {
  const errors: Errors = {};
  let newPerson: Record<string, unknown> | null = null;
  if (!f.person) errors.person = "Choose the person, or say they are not recorded yet";
  if (f.person === NEW_PERSON) {
    if (!f.given_names.trim()) errors.given_names = "Enter the person's given names";
    if (!f.family_name.trim()) errors.family_name = "Enter the person's family name";
    const dob = dateFromParts(f.dob.day, f.dob.month, f.dob.year);
    if (dob.error) errors.date_of_birth = `Date of birth ${dob.error}`;
    newPerson = { given_names: f.given_names.trim(), family_name: f.family_name.trim() };
    if (dob.date) newPerson.date_of_birth = dob.date;
  }
  if (!f.type) errors.type = "Choose how they are related to the child";
  if (f.type === "other" && !f.description.trim()) errors.description = "Describe the relationship";
  if (!f.parental_responsibility) errors.parental_responsibility = "Say whether they have parental responsibility";
  if (!f.lives_with_child) errors.lives_with_child = "Say whether they live with the child";
  const relationship: Record<string, unknown> = {
    type: f.type,
    parental_responsibility: f.parental_responsibility === "yes",
    lives_with_child: f.lives_with_child === "yes",
  };
  if (f.description.trim()) relationship.description = f.description.trim();
  if (f.person && f.person !== NEW_PERSON) relationship.related_person_id = f.person;
  return { newPerson, relationship, errors };
}
