// A form about one child's record: the error summary, the child's name over the title, the
// draft's status when the form keeps one, the fields, and the button with a way back.
import { ComponentChildren } from "preact";
import { draftMessage, DraftStatus } from "../drafts";
import { Link } from "../router";
import type { PersonRecord } from "../types";
import { ErrorSummary, Errors } from "./fields";

export function RecordForm({ record, title, errors, onSubmit, button, cancel, draft, children }: {
  record: PersonRecord; title: string; errors: Errors; onSubmit: () => void; button: string; cancel: string;
  draft?: DraftStatus; children: ComponentChildren;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{record.display_name}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        {draft !== undefined && <p class="govuk-body-s app-draft-status" role="status" aria-live="polite">{draftMessage(draft)}</p>}
        <form novalidate onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
          {children}
          <div class="govuk-button-group">
            <button class="govuk-button" type="submit">{button}</button>
            <Link class="govuk-link" href={cancel}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
