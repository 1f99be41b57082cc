import { Layout } from "../components/Layout";

// The statement in full is docs/accessibility.md; this page gives its substance.
export function Accessibility() {
  return (
    <Layout title="Accessibility statement">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Accessibility statement for Casework</h1>
          <p class="govuk-body">Casework is built to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA, using the GOV.UK Design System's patterns.</p>
          <p class="govuk-body">You should be able to use it with a keyboard alone, with a screen reader, at up to 400% zoom, and with your own colours and text size.</p>
          <p class="govuk-body">You are warned two minutes before being signed out for inactivity and can choose to stay signed in. What you type into a form is saved as a draft as you go, and is there when you sign in again.</p>
          <p class="govuk-body">Every page is checked automatically for WCAG A and AA failures each time Casework is built and tested. If you find a problem, tell your service desk: say which page and what happened.</p>
        </div>
      </div>
    </Layout>
  );
}
