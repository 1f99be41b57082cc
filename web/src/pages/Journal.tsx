// The journal: newest first, a page at a time, filterable by type; late entries and
// corrections shown as such (ENT-01, ENT-02, ENT-06).
import { useEffect, useState } from "preact/hooks";
import { get, post, query } from "../api";
import { useAuth } from "../auth";
import { Loading, Problem } from "../components/Layout";
import { formatDateTime } from "../format";
import { clockFacts, ENTRY_TYPES, entryFacts, isCorrection, kindLabel } from "../journal";
import { Link, navigate, useLocation } from "../router";
import type { JournalItem, JournalPage } from "../types";

const PAGE_SIZE = 20;

function Item({ item, bySeq, recordId, userId, onCountersign }: {
  item: JournalItem; bySeq: Map<string, number>; recordId: string; userId: string; onCountersign: () => void;
}) {
  const corrected = item.corrected_by.length > 0;
  const body = item.body ?? {};
  const text = body.text as string | undefined;
  const facts = [...entryFacts(body), ...clockFacts(item)];
  return (
    <article class={`app-journal-item${corrected ? " app-journal-item--corrected" : ""}`} id={`item-${item.seq}`}
      aria-labelledby={`item-${item.seq}-title`}>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1" id={`item-${item.seq}-title`}>
        {kindLabel(item)}{body.title ? `: ${body.title}` : ""}
        {item.late_entry && <strong class="govuk-tag govuk-tag--orange govuk-!-margin-left-2">Late entry</strong>}
        {corrected && <strong class="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Corrected</strong>}
        {body.significant && <strong class="govuk-tag govuk-tag--blue govuk-!-margin-left-2">Significant</strong>}
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-2">
        No. {item.seq}. {item.occurred_at && <>Happened {formatDateTime(item.occurred_at)}. </>}
        Recorded {formatDateTime(item.recorded_at)} by {item.author.name}, {item.author.post_title}.
        {isCorrection(item) && item.target_id && bySeq.has(item.target_id) && <> Corrects no. {bySeq.get(item.target_id)}.</>}
        {corrected && <> Corrected by a later entry: read the correction above.</>}
      </p>
      {text && <p class="govuk-body app-journal-item__text">{text}</p>}
      {facts.length > 0 && (
        <dl class="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
          {facts.map(([k, v], i) => (
            <div class="govuk-summary-list__row" key={i}>
              <dt class="govuk-summary-list__key govuk-body-s">{k}</dt>
              <dd class="govuk-summary-list__value govuk-body-s">{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {item.awaiting_countersignature && <p class="govuk-body-s"><strong class="govuk-tag govuk-tag--yellow">Awaiting countersignature</strong></p>}
      {item.awaiting_countersignature && body.provided_by?.user_id === userId && (
        <button type="button" class="govuk-button govuk-button--secondary" onClick={async () => {
          await post(`/persons/${recordId}/entries/${item.id}/countersignature`);
          onCountersign();
        }}>Countersign entry no. {item.seq}<span class="govuk-visually-hidden">: you gave this information</span></button>
      )}
      {body.type && !corrected && item.author.user_id === userId && (
        <p class="govuk-body-s"><Link class="govuk-link" href={`/children/${recordId}/correct/${item.id}`}>Correct entry no. {item.seq}</Link></p>
      )}
      {item.countersignature && <p class="govuk-body-s">Countersigned by {item.countersignature.author.name}, {item.countersignature.author.post_title}, {formatDateTime(item.countersignature.recorded_at)}.</p>}
    </article>
  );
}

export function Journal({ id }: { id: string }) {
  const { user } = useAuth();
  const [reloads, setReloads] = useState(0);
  const { search } = useLocation();
  const types = search.getAll("type");
  const before = search.get("before") ?? undefined;
  const [page, setPage] = useState<JournalPage | null>(null);
  const [problem, setProblem] = useState("");
  const [chosen, setChosen] = useState<string[]>(types);
  const key = `${types.join(",")}|${before ?? ""}`;

  useEffect(() => {
    setPage(null);
    get<JournalPage>(`/persons/${id}/journal${query({ limit: PAGE_SIZE, before, type: types })}`)
      .then(setPage)
      .catch((e) => setProblem(e.message));
  }, [id, key, reloads]);

  const filter = (e: Event) => {
    e.preventDefault();
    navigate(`/children/${id}${query({ type: chosen })}`);
  };
  const bySeq = new Map((page?.items ?? []).map((i) => [i.id, i.seq]));

  return (
    <section aria-labelledby="journal-title">
      <h2 class="govuk-heading-m" id="journal-title">Journal</h2>
      <form onSubmit={filter} class="govuk-!-margin-bottom-4">
        <div class="govuk-form-group govuk-!-margin-bottom-2">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Show only</legend>
            <div class="govuk-checkboxes govuk-checkboxes--small">
              {ENTRY_TYPES.map((t) => (
                <div class="govuk-checkboxes__item" key={t.value}>
                  <input class="govuk-checkboxes__input" id={`filter-${t.value}`} type="checkbox" name="type" value={t.value}
                    checked={chosen.includes(t.value)}
                    onChange={(e) => setChosen((c) => (e.target as HTMLInputElement).checked ? [...c, t.value] : c.filter((x) => x !== t.value))} />
                  <label class="govuk-label govuk-checkboxes__label" for={`filter-${t.value}`}>{t.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">Apply filter</button>
      </form>
      {problem && <Problem message={problem} />}
      {!page && !problem && <Loading />}
      {page && page.items.length === 0 && <p class="govuk-body">Nothing recorded{types.length ? " of that type" : ""}.</p>}
      {page && page.items.map((item) => (
        <Item key={item.id} item={item} bySeq={bySeq} recordId={id} userId={user?.id ?? ""} onCountersign={() => setReloads((r) => r + 1)} />
      ))}
      {page && (before || page.more) && (
        <nav class="govuk-pagination govuk-pagination--block" aria-label="Journal pages">
          {before && (
            <div class="govuk-pagination__prev">
              <Link class="govuk-link govuk-pagination__link" href={`/children/${id}${query({ type: types })}`} rel="prev">
                <span class="govuk-pagination__link-title">Newest entries</span>
              </Link>
            </div>
          )}
          {page.more && page.next_before !== null && (
            <div class="govuk-pagination__next">
              <Link class="govuk-link govuk-pagination__link" href={`/children/${id}${query({ type: types, before: page.next_before })}`} rel="next">
                <span class="govuk-pagination__link-title">Older entries</span>
              </Link>
            </div>
          )}
        </nav>
      )}
    </section>
  );
}
