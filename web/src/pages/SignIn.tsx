import { useState } from "preact/hooks";
import { ApiError } from "../api";
import { completeSignIn, signIn, useAuth } from "../auth";
import { ErrorSummary, Errors, TextInput } from "../components/fields";
import { Layout } from "../components/Layout";
import { navigate } from "../router";
import { codeErrors, normaliseCode } from "../twoFactor";

// Only addresses inside Casework, so a crafted link cannot send the user elsewhere.
function safeReturn(target: string | null): string {
  return target && target.startsWith("/") && !target.startsWith("//") ? target : "/";
}

// SEC-03: the second step, for users with two-factor sign-in on.
export function CodeStep({ code, onCode, errors, busy, onSubmit, onRestart }: {
  code: string; onCode: (v: string) => void; errors: Errors; busy: boolean; onSubmit: (e: Event) => void; onRestart: () => void;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">Enter the code from your authenticator app</h1>
        <p class="govuk-body">Your account signs in with a code as well as your password. Open your authenticator app
          and type the 6-digit code it shows for Casework.</p>
        <form onSubmit={onSubmit} novalidate>
          <TextInput id="code" label="Code" value={code} onInput={onCode} autocomplete="one-time-code"
            inputmode="numeric" error={errors.code} width="5" spellcheck={false}
            hint="The code changes every 30 seconds. If it is about to change, wait for the next one." />
          <button class="govuk-button" type="submit" disabled={busy}>Continue</button>
        </form>
        <p class="govuk-body">Lost your phone? Ask your administrator to reset your two-factor sign-in.</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/sign-in" onClick={(e) => { e.preventDefault(); onRestart(); }}>Sign in as someone else</a>
        </p>
      </div>
    </div>
  );
}

export function SignIn() {
  const { reason } = useAuth();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // SEC-03: set when the password was right and a one-time code is needed too.
  const [challenge, setChallenge] = useState("");
  const [code, setCode] = useState("");

  const carryOn = () => navigate(safeReturn(new URLSearchParams(location.search).get("return")), true);

  const submitCode = async (e: Event) => {
    e.preventDefault();
    const found = codeErrors(code);
    setErrors(found);
    if (found.code) return;
    setBusy(true);
    try {
      await completeSignIn(challenge, normaliseCode(code));
      carryOn();
    } catch (err) {
      if (err instanceof ApiError && err.field === "challenge") {
        // Too long since the password: start again.
        setChallenge("");
        setPassword("");
        setErrors({ password: err.message });
      } else {
        setCode("");
        setErrors({ code: err instanceof ApiError ? err.message : "Casework could not be reached. Try again." });
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Errors = {};
    if (!username.trim()) found.username = "Enter your username";
    if (!password) found.password = "Enter your password";
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const answer = await signIn(username.trim(), password);
      if ("second_factor_required" in answer) {
        setChallenge(answer.challenge);
        setCode("");
        return;
      }
      carryOn();
    } catch (err) {
      setErrors({ username: err instanceof ApiError ? err.message : "Casework could not be reached. Try again." });
    } finally {
      setBusy(false);
    }
  };

  if (challenge) {
    return (
      <Layout title="Enter your code">
        <CodeStep code={code} onCode={setCode} errors={errors} busy={busy} onSubmit={submitCode}
          onRestart={() => { setChallenge(""); setPassword(""); setErrors({}); }} />
      </Layout>
    );
  }

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
