// GOV.UK Design System form fields. Each takes an id (used by the error summary's links), a
// label, a one-line hint saying why the field matters, and the error for it, if any.
import { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export type Errors = Record<string, string>;

interface Base {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  class?: string;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? <div id={`${id}-hint`} class="govuk-hint">{hint}</div> : null;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

function Group({ error, children }: { error?: string; children: ComponentChildren }) {
  return <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>{children}</div>;
}

export function TextInput(p: Base & { value: string; onInput: (v: string) => void; type?: string; autocomplete?: string; width?: string; spellcheck?: boolean;
    inputmode?: "numeric" | "text" }) {
  return (
    <Group error={p.error}>
      <label class="govuk-label" for={p.id}>{p.label}</label>
      <Hint id={p.id} hint={p.hint} />
      <ErrorMessage id={p.id} error={p.error} />
      <input
        class={`govuk-input${p.width ? ` govuk-input--width-${p.width}` : ""}${p.error ? " govuk-input--error" : ""}`}
        id={p.id}
        name={p.id}
        type={p.type ?? "text"}
        value={p.value}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode}
        spellcheck={p.spellcheck}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        onInput={(e) => p.onInput((e.target as HTMLInputElement).value)}
      />
    </Group>
  );
}

export function Textarea(p: Base & { value: string; onInput: (v: string) => void; rows?: number }) {
  return (
    <Group error={p.error}>
      <label class="govuk-label govuk-label--s" for={p.id}>{p.label}</label>
      <Hint id={p.id} hint={p.hint} />
      <ErrorMessage id={p.id} error={p.error} />
      <textarea
        class={`govuk-textarea${p.error ? " govuk-textarea--error" : ""}`}
        id={p.id}
        name={p.id}
        rows={p.rows ?? 5}
        value={p.value}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)}
      />
    </Group>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function Radios(p: Base & { value: string; choices: Choice[]; onChange: (v: string) => void; inline?: boolean; children?: ComponentChildren }) {
  return (
    <Group error={p.error}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(p.id, p.hint, p.error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{p.label}</legend>
        <Hint id={p.id} hint={p.hint} />
        <ErrorMessage id={p.id} error={p.error} />
        <div class={`govuk-radios${p.inline ? " govuk-radios--inline" : ""}`}>
          {p.choices.map((c, i) => {
            const id = i === 0 ? p.id : `${p.id}-${i + 1}`;
            return (
              <div class="govuk-radios__item" key={c.value}>
                <input class="govuk-radios__input" id={id} name={p.id} type="radio" value={c.value}
                  checked={p.value === c.value} aria-describedby={c.hint ? `${id}-item-hint` : undefined}
                  onChange={() => p.onChange(c.value)} />
                <label class="govuk-label govuk-radios__label" for={id}>{c.label}</label>
                {c.hint && <div id={`${id}-item-hint`} class="govuk-hint govuk-radios__hint">{c.hint}</div>}
              </div>
            );
          })}
        </div>
        {p.children}
      </fieldset>
    </Group>
  );
}

export function Checkbox(p: Base & { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <Group error={p.error}>
      <ErrorMessage id={p.id} error={p.error} />
      <div class="govuk-checkboxes govuk-checkboxes--small">
        <div class="govuk-checkboxes__item">
          <input class="govuk-checkboxes__input" id={p.id} name={p.id} type="checkbox" checked={p.checked}
            aria-describedby={p.hint ? `${p.id}-hint` : undefined}
            onChange={(e) => p.onChange((e.target as HTMLInputElement).checked)} />
          <label class="govuk-label govuk-checkboxes__label" for={p.id}>{p.label}</label>
          {p.hint && <div id={`${p.id}-hint`} class="govuk-hint govuk-checkboxes__hint">{p.hint}</div>}
        </div>
      </div>
    </Group>
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function DateInput(p: Base & { value: DateParts; onChange: (v: DateParts) => void }) {
  const part = (key: keyof DateParts, label: string, width: string) => (
    <div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for={key === "day" ? p.id : `${p.id}-${key}`}>{label}</label>
        <input
          class={`govuk-input govuk-date-input__input govuk-input--width-${width}${p.error ? " govuk-input--error" : ""}`}
          id={key === "day" ? p.id : `${p.id}-${key}`}
          name={`${p.id}-${key}`}
          type="text"
          inputMode="numeric"
          value={p.value[key]}
          onInput={(e) => p.onChange({ ...p.value, [key]: (e.target as HTMLInputElement).value })}
        />
      </div>
    </div>
  );
  return (
    <Group error={p.error}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy(p.id, p.hint, p.error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{p.label}</legend>
        <Hint id={p.id} hint={p.hint} />
        <ErrorMessage id={p.id} error={p.error} />
        <div class="govuk-date-input">
          {part("day", "Day", "2")}
          {part("month", "Month", "2")}
          {part("year", "Year", "4")}
        </div>
      </fieldset>
    </Group>
  );
}

// options are values shown as they are; choices give each value its own label.
export function Select(p: Base & { value: string; options?: string[]; choices?: Choice[]; onChange: (v: string) => void }) {
  const choices = p.choices ?? (p.options ?? []).map((o) => ({ value: o, label: o }));
  return (
    <Group error={p.error}>
      <label class="govuk-label" for={p.id}>{p.label}</label>
      <Hint id={p.id} hint={p.hint} />
      <ErrorMessage id={p.id} error={p.error} />
      <select class="govuk-select" id={p.id} name={p.id} value={p.value}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        onChange={(e) => p.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">Choose</option>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </Group>
  );
}

// The GOV.UK error summary: focused when it appears, each error a link to its field.
export function ErrorSummary({ errors }: { errors: Errors }) {
  const entries = Object.entries(errors);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (entries.length > 0) box.current?.focus();
  }, [errors]);
  if (entries.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={box}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${field}`} onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(field)?.focus();
                }}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
