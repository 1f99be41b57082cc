// A GOV.UK table with its caption (the table's accessible name) and column headers; the rows
// are the caller's.
import { ComponentChildren } from "preact";

export function Table({ caption, size = "m", headers, children }: {
  caption: string; size?: "s" | "m"; headers: ComponentChildren[]; children: ComponentChildren;
}) {
  return (
    <table class="govuk-table">
      <caption class={`govuk-table__caption govuk-table__caption--${size}`}>{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {headers.filter((h) => h !== false && h != null).map((h, i) => <th scope="col" class="govuk-table__header" key={i}>{h}</th>)}
        </tr>
      </thead>
      <tbody class="govuk-table__body">{children}</tbody>
    </table>
  );
}
