import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { Expanded, UndefinedAcronymsWarning, expandAcronyms } from "./glossary";

const glossary = new Map([["CAMHS", "Child and Adolescent Mental Health Services"], ["GP", "General practitioner"], ["S47", "Section 47 enquiry"]]);

describe("expandAcronyms", () => {
  it("ENT09 marks the acronyms the glossary knows, leaving other words and unknown acronyms as they are", () => {
    expect(expandAcronyms("Referred to CAMHS by the GPs; XYZ and Mum agreed. S47 next.", glossary)).toEqual([
      "Referred to ",
      { word: "CAMHS", meaning: "Child and Adolescent Mental Health Services" },
      " by the ",
      { word: "GPs", meaning: "General practitioner" },
      "; XYZ and Mum agreed. ",
      { word: "S47", meaning: "Section 47 enquiry" },
      " next.",
    ]);
    expect(expandAcronyms("Nothing to expand, GPS aside.", glossary)).toEqual(["Nothing to expand, GPS aside."]);
  });
});

describe("Expanded", () => {
  it("ENT09 shows a known acronym in the journal as an abbr with its meaning", () => {
    const html = render(<p><Expanded text="Spoke to the GP about CAMHS." glossary={glossary} /></p>);
    expect(html).toBe('<p>Spoke to the <abbr title="General practitioner">GP</abbr> about <abbr title="Child and Adolescent Mental Health Services">CAMHS</abbr>.</p>');
  });
});

describe("UndefinedAcronymsWarning", () => {
  it("ENT09 lists the undefined acronyms in a GOV.UK warning text after saving", () => {
    const html = render(<UndefinedAcronymsWarning acronyms={["SENCO", "XYZ9"]} />);
    expect(html).toContain('class="govuk-warning-text"');
    expect(html).toContain("SENCO, XYZ9");
    expect(render(<UndefinedAcronymsWarning acronyms={[]} />)).toBe("");
  });
});
