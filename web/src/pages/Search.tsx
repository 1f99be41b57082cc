import { useEffect, useState } from "preact/hooks";
import { get, query } from "../api";
import { Layout, Loading, Problem } from "../components/Layout";
import { formatDate, interpretSearch } from "../format";
import { Link, useLocation } from "../router";
import type { PersonSummary } from "../types";

const SEARCHED_BY: Record<string, string> = {
  name: "name or alias",
  date_of_birth: "date of birth",
  nhs_number: "NHS number",
  council_reference: "council reference",
};

export function Search() {
  const { search } = useLocation();
  const q = search.get("q") ?? "";
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const [problem, setProblem] = useState("");
  const meaning = interpretSearch(q);
  const [kind] = Object.keys(meaning);

  useEffect(() => {
    setResults(null);
    setProblem("");
    if (!q.trim()) return;
    get<{ results: PersonSummary[] }>(`/persons${query({ ...meaning, limit: 50 })}`)
      .then((r) => setResults(r.results))
      .catch((e) => setProblem(e.message));
  }, [q]);

  return (
    <Layout title={q ? `Search results for ${q}` : "Find a person"}>
      <h1 class="govuk-heading-l">{q ? `Search results for “${q}”` : "Find a person"}</h1>
      {!q.trim() && <p class="govuk-body">Use the search box above: a name or alias, a date of birth (such as 2/4/2018), an NHS number or a council reference.</p>}
      {problem && <Problem message={problem} />}
      {q.trim() && !results && !problem && <Loading />}
      {results && (
        <>
          <p class="govuk-body" role="status">
            {results.length === 0 ? "No one matches" : `${results.length} ${results.length === 1 ? "person matches" : "people match"}`} by {SEARCHED_BY[kind]}.
          </p>
          {results.length > 0 && (
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">People found</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Name</th>
                  <th scope="col" class="govuk-table__header">Date of birth</th>
                  <th scope="col" class="govuk-table__header">NHS number</th>
                  <th scope="col" class="govuk-table__header">Council reference</th>
                  <th scope="col" class="govuk-table__header">Postcode</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {results.map((p) => (
                  <tr class="govuk-table__row" key={p.id}>
                    <th scope="row" class="govuk-table__header">
                      <Link class="govuk-link" href={`/children/${p.id}`}>{p.display_name}</Link>
                      {p.matched_name && <span class="govuk-body-s"> (also known as {p.matched_name})</span>}
                      {p.unborn && <strong class="govuk-tag govuk-tag--grey govuk-!-margin-left-1">Unborn</strong>}
                    </th>
                    <td class="govuk-table__cell">{formatDate(p.date_of_birth) || "Not known"}</td>
                    <td class="govuk-table__cell">{p.nhs_number ?? ""}</td>
                    <td class="govuk-table__cell">{p.council_reference ?? ""}</td>
                    <td class="govuk-table__cell">{p.postcode}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p class="govuk-body">Not found? <Link class="govuk-link" href="/children/new">Record a new child</Link>.</p>
        </>
      )}
    </Layout>
  );
}
