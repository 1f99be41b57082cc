// A child's chronology of significant events (CHR-01), in the order they happened, with the
// source agency and who recorded each; and the whole of it as a CSV file to download for a
// conference or court (CHR-02). Both are logged by the server.
import { useEffect, useState } from "preact/hooks";
import { get, query } from "../api";
import { Loading, Problem } from "../components/Layout";
import { formatDateTime } from "../format";

export interface ChronologyEvent {
  item_id: string;
  seq: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  late: boolean;
  summary: string;
  agency: string;
  author: { user_id: string; name: string; post_title: string };
}

interface ChronologyPage {
  events: ChronologyEvent[];
  more: boolean;
  next_after: string | null;
}

const PAGE = 100;

export function Chronology({ id }: { id: string }) {
  const [events, setEvents] = useState<ChronologyEvent[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState("");
  const load = (after?: string) =>
    get<ChronologyPage>(`/persons/${id}/chronology${query({ after, limit: PAGE })}`)
      .then((page) => {
        setEvents((earlier) => [...(after ? earlier ?? [] : []), ...page.events]);
        setNext(page.more ? page.next_after : null);
      })
      .catch((e) => setProblem(e.message));
  useEffect(() => {
    setEvents(null);
    load();
  }, [id]);

  return (
    <section aria-labelledby="chronology-title">
      <h2 class="govuk-heading-m" id="chronology-title">Chronology</h2>
      <p class="govuk-body">
        Significant events and what partner agencies contributed, in the order they happened. Mark an entry as significant when
        you record it to add it here.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={`/api/v1/persons/${id}/chronology.csv`} download>Download the whole chronology (CSV, for a spreadsheet)</a>
      </p>
      {problem && <Problem message={problem} />}
      {!events && !problem && <Loading />}
      {events && events.length === 0 && <p class="govuk-body">No significant events have been recorded.</p>}
      {events && events.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Significant events, earliest first</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">When it happened</th>
              <th scope="col" class="govuk-table__header">What happened</th>
              <th scope="col" class="govuk-table__header">Source</th>
              <th scope="col" class="govuk-table__header">Recorded by</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {events.map((e) => (
              <tr class="govuk-table__row" key={e.item_id}>
                <td class="govuk-table__cell">{formatDateTime(e.occurred_at)}</td>
                <td class="govuk-table__cell">
                  {e.summary}
                  <span class="govuk-body-s govuk-!-display-block">Entry no. {e.seq}, {e.type.replace(/_/g, " ")}</span>
                </td>
                <td class="govuk-table__cell">{e.agency}</td>
                <td class="govuk-table__cell">
                  {e.author.name}, {e.author.post_title}
                  {e.late && <strong class="govuk-tag govuk-tag--orange govuk-!-margin-left-1">Late entry</strong>}
                  <span class="govuk-body-s govuk-!-display-block">on {formatDateTime(e.recorded_at)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && <button class="govuk-button govuk-button--secondary" type="button" onClick={() => load(next)}>Show later events</button>}
    </section>
  );
}
