// Every page's frame: skip link, header (no crown: that is GOV.UK's alone), search on every
// page, and the main content.
import { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { signOut, useAuth } from "../auth";
import { Link, navigate } from "../router";

function Search() {
  const params = new URLSearchParams(location.search);
  const [q, setQ] = useState(location.pathname === "/search" ? params.get("q") ?? "" : "");
  return (
    <form role="search" class="app-header__search" action="/search" method="get"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/search?q=${encodeURIComponent(q)}`);
      }}>
      <div class="govuk-form-group">
        <label class="govuk-label" for="site-search">Find a person</label>
        <input class="govuk-input" id="site-search" name="q" type="search" value={q}
          aria-describedby="site-search-hint" autocomplete="off"
          onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        <div id="site-search-hint" class="govuk-hint govuk-!-margin-bottom-0">Name, alias, date of birth, NHS number or council reference</div>
      </div>
      <button class="govuk-button govuk-button--secondary" type="submit">Search</button>
    </form>
  );
}

export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
  const { user } = useAuth();
  document.title = `${title} – Casework`;
  const nav = user
    ? [
        { href: "/", text: "Home" },
        { href: "/children/new", text: "Record a new child" },
        { href: "/unborn/new", text: "Record an unborn child" },
        ...(user.role === "team_manager" || user.role === "auditor" ? [{ href: "/break-glass", text: "Break-glass to review" }] : []),
        ...(user.role === "team_manager" ? [{ href: "/extension-requests", text: "Extension requests" }] : []),
        ...(["team_manager", "records_officer", "auditor"].includes(user.role) ? [{ href: "/overdue", text: "Overdue clocks" }] : []),
        { href: "/account", text: "Your account" },
      ]
    : [];
  return (
    <>
      <a href="#main-content" class="govuk-skip-link" onClick={(e) => {
        e.preventDefault();
        document.getElementById("main-content")?.focus();
      }}>Skip to main content</a>
      <header class="govuk-header" data-module="govuk-header">
        <div class="govuk-header__container govuk-width-container">
          <div class="govuk-header__logo">
            <Link href="/" class="govuk-header__link govuk-header__link--homepage">
              <span class="govuk-header__logotype-text">Casework</span>
            </Link>
          </div>
          {user && (
            <div class="govuk-header__content">
              <nav aria-label="Menu" class="govuk-header__navigation">
                <ul id="navigation" class="govuk-header__navigation-list">
                  {nav.map((n) => (
                    <li class={`govuk-header__navigation-item${location.pathname === n.href ? " govuk-header__navigation-item--active" : ""}`} key={n.href}>
                      <Link class="govuk-header__link" href={n.href} aria-current={location.pathname === n.href ? "page" : undefined}>{n.text}</Link>
                    </li>
                  ))}
                  <li class="govuk-header__navigation-item">
                    <a class="govuk-header__link" href="/sign-in" onClick={async (e) => {
                      e.preventDefault();
                      await signOut("signed_out");
                      navigate("/sign-in");
                    }}>Sign out</a>
                  </li>
                </ul>
              </nav>
            </div>
          )}
        </div>
      </header>
      <div class="govuk-width-container">
        {user && (
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
              <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                Signed in as {user.full_name}, {user.post_title}
              </p>
              <Search />
            </div>
          </div>
        )}
        <main class="govuk-main-wrapper" id="main-content" role="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer class="govuk-footer" role="contentinfo">
        <div class="govuk-width-container">
          <div class="govuk-footer__meta">
            <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 class="govuk-visually-hidden">Support links</h2>
              <ul class="govuk-footer__inline-list">
                <li class="govuk-footer__inline-list-item">
                  <a class="govuk-footer__link" href="/accessibility">Accessibility statement</a>
                </li>
              </ul>
              <span class="govuk-footer__licence-description">
                Casework holds confidential information about children. Every look at a record is logged.
              </span>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

// Shown while a page's data loads.
export function Loading() {
  return <p class="govuk-body" role="status">Loading…</p>;
}

export function Problem({ message }: { message: string }) {
  return (
    <div class="govuk-error-summary" role="alert" tabIndex={-1}>
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body"><p class="govuk-body">{message}</p></div>
    </div>
  );
}
