import { describe, expect, it } from "vitest";
import { buildConsent, buildDisclosure, ConsentFields, DisclosureFields } from "./sharing";

const day = { day: "20", month: "11", year: "2026" };

const consent = (extra: Partial<ConsentFields> = {}): ConsentFields => ({
  purpose: "School nurse health assessment", decision: "given", decided_on: day, decided_by: "Jade, mother", note: "", ...extra,
});

const disclosure = (extra: Partial<DisclosureFields> = {}): DisclosureFields => ({
  information: "Weight", recipient: "Ruth Adams", recipient_agency: "", disclosed_on: day,
  purpose: "School nurse health assessment", lawful_basis: "consent", necessary: "", proportionate: "", decided_by: "", ...extra,
});

describe("buildConsent", () => {
  // SHR-01: consent is recorded per purpose, with the decision, its date and who decided.
  it("SHR01 needs the purpose, the decision, the date and who decided", () => {
    const { body, errors } = buildConsent(consent({ purpose: " ", decision: "", decided_on: { day: "", month: "", year: "" }, decided_by: "" }));
    expect(body).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(["decided_by", "decided_on", "decision", "purpose"]);
    expect(buildConsent(consent({ decision: "withdrawn" })).body).toEqual({
      purpose: "School nurse health assessment", decision: "withdrawn", decided_on: "2026-11-20", decided_by: "Jade, mother",
    });
  });
});

describe("buildDisclosure", () => {
  // SHR-02: sharing without consent asks why it is necessary and proportionate, and who decided.
  it("SHR02 asks for the justification only when sharing without consent", () => {
    expect(buildDisclosure(disclosure()).body).not.toHaveProperty("justification");
    const { errors } = buildDisclosure(disclosure({ lawful_basis: "significant_harm" }));
    expect(Object.keys(errors).sort()).toEqual(["justification-decided_by", "justification-necessary", "justification-proportionate"]);
    const { body } = buildDisclosure(disclosure({ lawful_basis: "public_interest", necessary: "n", proportionate: "p", decided_by: "Maureen" }));
    expect(body!.justification).toEqual({ necessary: "n", proportionate: "p", decided_by: "Maureen" });
  });
  // SHR-03: every disclosure says what, to whom, when, why and on what basis.
  it("SHR03 needs what, to whom, when, why and the basis", () => {
    const { errors } = buildDisclosure(disclosure({ information: "", recipient: "", disclosed_on: { day: "31", month: "2", year: "2026" }, purpose: "", lawful_basis: "" }));
    expect(Object.keys(errors).sort()).toEqual(["disclosed_on", "information", "lawful_basis", "purpose", "recipient"]);
  });
});
