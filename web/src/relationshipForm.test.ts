import { describe, expect, it } from "vitest";
import { buildRelationship, emptyRelationship, NEW_PERSON } from "./relationshipForm";

// REC-01, EQU-03: a family member is linked to the child with how they are related, parental
// responsibility and whether they live with the child.
describe("buildRelationship", () => {
  it("EQU03 asks for the person, the relationship, parental responsibility and the household", () => {
    const b = buildRelationship(emptyRelationship());
    expect(Object.keys(b.errors).sort()).toEqual(["lives_with_child", "parental_responsibility", "person", "type"]);
  });
  it("EQU03 links someone already recorded", () => {
    const b = buildRelationship({ ...emptyRelationship(), person: "P9", type: "grandparent", parental_responsibility: "no", lives_with_child: "yes" });
    expect(b.errors).toEqual({});
    expect(b.newPerson).toBeNull();
    expect(b.relationship).toEqual({ related_person_id: "P9", type: "grandparent", parental_responsibility: false, lives_with_child: true });
  });
  it("REC01 records someone new first, with the name and any date of birth", () => {
    const f = { ...emptyRelationship(), person: NEW_PERSON, given_names: " Jade ", family_name: "Clarke", dob: { day: "3", month: "2", year: "1990" },
      type: "parent", parental_responsibility: "yes", lives_with_child: "yes" };
    const b = buildRelationship(f);
    expect(b.newPerson).toEqual({ given_names: "Jade", family_name: "Clarke", date_of_birth: "1990-02-03" });
    expect(b.relationship.related_person_id).toBeUndefined();
    expect(buildRelationship({ ...f, given_names: "", dob: { day: "31", month: "2", year: "1990" } }).errors).toEqual({
      given_names: "Enter the person's given names", date_of_birth: "Date of birth must be a real date, such as 27 3 2026",
    });
  });
  it("EQU03 needs a description for any other relationship", () => {
    const b = buildRelationship({ ...emptyRelationship(), person: "P9", type: "other", parental_responsibility: "no", lives_with_child: "no" });
    expect(b.errors).toEqual({ description: "Describe the relationship" });
  });
});
