import { useState } from "preact/hooks";
import { ApiError } from "../api";
import { signIn, useAuth } from "../auth";
import { ErrorSummary, Errors, TextInput } from "../components/fields";
import { Layout } from "../components/Layout";
import { navigate } from "../router";

// Only addresses inside Casework, so a crafted link cannot send the user elsewhere.
function safeReturn(target: string | null): string {
  return target && target.startsWith("/") && !target.startsWith("//") ? target : "/";
}

export function SignIn() {
  const { reason } = useAuth();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Errors = {};
    if (!username.trim()) found.username = "Enter your username";
    if (!password) found.password = "Enter your password";
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      navigate(safeReturn(new URLSearchParams(location.search).get("return")), true);
    } catch (err) {
      setErrors({ username: err instanceof ApiError ? err.message : "Casework could not be reached. Try again." });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout title="Sign in">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {reason === "timed_out" && (
            <div class="govuk-notification-banner" role="region" aria-labelledby="timed-out-title">
              <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="timed-out-title">Important</h2>
              </div>
              <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">
                  You were signed out because you had done nothing for a while. Your drafts were saved: sign in to carry on.
                </p>
              </div>
            </div>
          )}
          {reason === "signed_out" && <p class="govuk-body" role="status">You have signed out.</p>}
          <h1 class="govuk-heading-l">Sign in to Casework</h1>
          <form onSubmit={submit} novalidate>
            <TextInput id="username" label="Username" value={username} onInput={setUsername} autocomplete="username"
              error={errors.username} width="20" spellcheck={false} />
            <TextInput id="password" label="Password" type="password" value={password} onInput={setPassword}
              autocomplete="current-password" error={errors.password} width="20" />
            <button class="govuk-button" type="submit" disabled={busy}>Sign in</button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
