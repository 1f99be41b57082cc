// Break-glass (SEC-04): opening a record without a relationship to the child, giving the
// reason, and the manager's review of each such opening.
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { ErrorSummary, Errors, Radios, Textarea } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { errorsFrom } from "../errors";
import { formatDateTime } from "../format";
import { Link } from "../router";

export interface BreakGlassAccess {
  id: string;
  record_id: string;
  username: string;
  reason: string;
  started_at: string;
  expires_at: string;
}

// Shown instead of a record the user has no relationship with.
export function BreakGlassOffer({ id, message, onOpened }: { id: string; message: string; onOpened: () => void }) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    if (reason.trim().length < 10) {
      setErrors({ reason: "Enter your reason for opening this record (at least 10 characters)" });
      return;
    }
    try {
      await post(`/persons/${id}/break-glass`, { reason: reason.trim() });
      onOpened();
    } catch (err) {
      setErrors(errorsFrom(err, { reason: "Your reason" }));
    }
  };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">You do not work with this child</h1>
        <p class="govuk-body">{message}</p>
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            Open it only if a child may be at risk. Your manager will review your reason, and the opening is in the record's access log.
          </strong>
        </div>
        <form onSubmit={submit} novalidate>
          <Textarea id="reason" label="Why do you need to open this record now?" value={reason} onInput={setReason} rows={3}
            hint="For example: out-of-hours call from police about this child; the allocated worker cannot be reached." error={errors.reason} />
          <button class="govuk-button govuk-button--warning" type="submit">Open the record</button>
        </form>
      </div>
    </div>
  );
}

// For team managers and auditors: break-glass openings awaiting their review.
export function BreakGlassReview() {
  const [list, setList] = useState<BreakGlassAccess[] | null>(null);
  const [problem, setProblem] = useState("");
  const [done, setDone] = useState("");
  const load = () => get<{ awaiting_review: BreakGlassAccess[] }>("/break-glass").then((r) => setList(r.awaiting_review)).catch((e) => setProblem(e.message));
  useEffect(() => {
    load();
  }, []);
  return (
    <Layout title="Break-glass openings to review">
      <h1 class="govuk-heading-l">Break-glass openings to review</h1>
      {done && <p class="govuk-body" role="status">{done}</p>}
      {problem && <Problem message={problem} />}
      {!list && !problem && <Loading />}
      {list && list.length === 0 && <p class="govuk-body">Nothing is waiting for your review.</p>}
      {list && list.map((b) => <ReviewOne key={b.id} b={b} onDone={(text) => { setDone(text); load(); }} />)}
    </Layout>
  );
}

function ReviewOne({ b, onDone }: { b: BreakGlassAccess; onDone: (text: string) => void }) {
  const [justified, setJustified] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const prefix = `review-${b.id}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Errors = {};
    if (!justified) found[`${prefix}-justified`] = "Say whether the opening was justified";
    if (justified === "no" && !note.trim()) found[`${prefix}-note`] = "Say why it was not justified";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await post(`/break-glass/${b.id}/review`, { justified: justified === "yes", note: note.trim() });
      onDone(`Review of ${b.username}'s opening recorded.`);
    } catch (err) {
      setErrors(errorsFrom(err, {}));
    }
  };
  return (
    <section class="app-journal-item" aria-labelledby={`${prefix}-title`}>
      <h2 class="govuk-heading-m" id={`${prefix}-title`}>{b.username}, {formatDateTime(b.started_at)}</h2>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reason given</dt><dd class="govuk-summary-list__value">{b.reason}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Record</dt><dd class="govuk-summary-list__value"><Link class="govuk-link" href={`/children/${b.record_id}`}>{b.record_id}</Link></dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Access ends</dt><dd class="govuk-summary-list__value">{formatDateTime(b.expires_at)}</dd></div>
      </dl>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} novalidate>
        <Radios id={`${prefix}-justified`} label="Was opening the record justified?" value={justified} onChange={setJustified} inline
          choices={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} error={errors[`${prefix}-justified`]} />
        <Textarea id={`${prefix}-note`} label="Note" value={note} onInput={setNote} rows={2}
          hint="Required if it was not justified: what happens next." error={errors[`${prefix}-note`]} />
        <button class="govuk-button" type="submit">Record the review</button>
      </form>
    </section>
  );
}
