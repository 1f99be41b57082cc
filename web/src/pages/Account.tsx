// Your account: changing your password (SEC-01, SEC-03), two-factor sign-in (SEC-03) and the
// places you are signed in (SEC-02).
import { useEffect, useState } from "preact/hooks";
import { del, get, put } from "../api";
import { passwordChanged, useAuth } from "../auth";
import { ErrorSummary, Errors, TextInput } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { errorsFrom } from "../errors";
import { formatDateTime } from "../format";
import { navigate } from "../router";
import { TwoFactorSection } from "./TwoFactor";

interface OpenSession {
  id: string;
  created_at: string;
  last_seen_at: string;
  client_address: string;
  user_agent: string;
  current: boolean;
}

export function ChangePassword() {
  const { mustChangePassword } = useAuth();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Errors = {};
    if (!current) found.current_password = "Enter your current password";
    if (!next) found.new_password = "Enter a new password";
    else if (next !== again) found["new-password-again"] = "The new passwords do not match";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await put("/sessions/current/password", { current_password: current, new_password: next });
      passwordChanged();
      navigate("/account?changed=1");
    } catch (err) {
      const found = errorsFrom(err, { current_password: "Your current password", new_password: "The new password", password: "The new password" });
      // The strength rules name the field "password": it is the new one.
      if (found.password) {
        found.new_password = found.password;
        delete found.password;
      }
      setErrors(found);
    }
  };
  return (
    <Layout title="Change your password">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">Change your password</h1>
          {mustChangePassword && <p class="govuk-body">You need to choose a new password before you carry on.</p>}
          <form onSubmit={submit} novalidate>
            <TextInput id="current_password" label="Current password" type="password" value={current} onInput={setCurrent}
              autocomplete="current-password" error={errors.current_password} width="20" />
            <TextInput id="new_password" label="New password" type="password" value={next} onInput={setNext}
              autocomplete="new-password" error={errors.new_password} width="20"
              hint="At least 12 characters. A few unrelated words make a strong password that is easy to remember. Not your name, and not a common password." />
            <TextInput id="new-password-again" label="New password again" type="password" value={again} onInput={setAgain}
              autocomplete="new-password" error={errors["new-password-again"]} width="20" />
            <button class="govuk-button" type="submit">Change password</button>
          </form>
          <p class="govuk-body">Changing your password signs you out everywhere else.</p>
        </div>
      </div>
    </Layout>
  );
}

export function Account() {
  const changed = new URLSearchParams(location.search).get("changed") === "1";
  const twoFactorOn = new URLSearchParams(location.search).get("two_factor") === "on";
  const [sessions, setSessions] = useState<OpenSession[] | null>(null);
  const [problem, setProblem] = useState("");
  const load = () => get<{ sessions: OpenSession[] }>("/sessions").then((r) => setSessions(r.sessions)).catch((e) => setProblem(e.message));
  useEffect(() => {
    load();
  }, []);
  return (
    <Layout title="Your account">
      {changed && <p class="govuk-body govuk-!-font-weight-bold" role="status">Your password has been changed.</p>}
      {twoFactorOn && <p class="govuk-body govuk-!-font-weight-bold" role="status">Two-factor sign-in is on.</p>}
      <h1 class="govuk-heading-l">Your account</h1>
      <p class="govuk-body"><a class="govuk-link" href="/account/password" onClick={(e) => { e.preventDefault(); navigate("/account/password"); }}>Change your password</a></p>
      <TwoFactorSection />
      <h2 class="govuk-heading-m">Where you are signed in</h2>
      {problem && <Problem message={problem} />}
      {!sessions && !problem && <Loading />}
      {sessions && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Your open sessions</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Signed in</th>
              <th scope="col" class="govuk-table__header">Last active</th>
              <th scope="col" class="govuk-table__header">From</th>
              <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {sessions.map((s) => (
              <tr class="govuk-table__row" key={s.id}>
                <td class="govuk-table__cell">{formatDateTime(s.created_at)}</td>
                <td class="govuk-table__cell">{formatDateTime(s.last_seen_at)}</td>
                <td class="govuk-table__cell">{s.client_address} {s.user_agent ? `(${s.user_agent.slice(0, 40)})` : ""}</td>
                <td class="govuk-table__cell">
                  {s.current ? "This browser" : (
                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={async () => { await del(`/sessions/${s.id}`); load(); }}>
                      Sign out<span class="govuk-visually-hidden"> the session from {formatDateTime(s.created_at)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
