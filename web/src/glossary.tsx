// Plain language (ENT-09): the partnership's glossary expands known acronyms for the reader,
// and the author is asked to spell out any acronym it does not define.
import { useEffect, useState } from "preact/hooks";
import { get } from "./api";

export type Glossary = Map<string, string>;

// The same words the server treats as acronyms: a capital, then only capitals and digits, with
// two capitals or a digit; an optional plural "s" ("GPs").
const WORD = /[A-Za-z0-9\u0080-\uFFFF]+/g;
function acronymOf(word: string): string | null {
  const stem = word.length > 2 && word.endsWith("s") ? word.slice(0, -1) : word;
  if (!/^[A-Z][A-Z0-9]+$/.test(stem)) return null;
  return /[A-Z].*[A-Z]|[0-9]/.test(stem) ? stem : null;
}

export type Piece = string | { word: string; meaning: string };

// Text cut into plain runs and the acronyms the glossary knows, with their meaning.
export function expandAcronyms(text: string, glossary: Glossary): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const acronym = acronymOf(m[0]);
    const meaning = acronym ? glossary.get(acronym) : undefined;
    if (!meaning) continue;
    if (m.index! > last) out.push(text.slice(last, m.index));
    out.push({ word: m[0], meaning });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Expanded({ text, glossary }: { text: string; glossary: Glossary }) {
  return (
    <>
      {expandAcronyms(text, glossary).map((p, i) =>
        typeof p === "string" ? p : <abbr key={i} title={p.meaning}>{p.word}</abbr>)}
    </>
  );
}

// The glossary is the same for everyone and changes only when the server restarts.
let loading: Promise<Glossary> | null = null;
export function useGlossary(): Glossary {
  const [glossary, setGlossary] = useState<Glossary>(new Map());
  useEffect(() => {
    loading ??= get<{ terms: { acronym: string; meaning: string }[] }>("/glossary")
      .then((r) => new Map(r.terms.map((t) => [t.acronym, t.meaning])))
      .catch(() => {
        loading = null;  // try again next time; the journal reads fine without expansions
        return new Map();
      });
    loading.then(setGlossary);
  }, []);
  return glossary;
}

// Shown once an entry is saved, when it uses acronyms the glossary does not define.
export function UndefinedAcronymsWarning({ acronyms }: { acronyms: string[] }) {
  if (acronyms.length === 0) return null;
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        Your entry uses {acronyms.length === 1 ? "an abbreviation" : "abbreviations"} the partnership's glossary does not
        explain: {acronyms.join(", ")}. The child, their family and other agencies may not know what{" "}
        {acronyms.length === 1 ? "it means" : "they mean"}: correct the entry to spell {acronyms.length === 1 ? "it" : "them"} out.
      </strong>
    </div>
  );
}
