// Two-factor sign-in (SEC-03): setting it up with an authenticator app, and turning it off.
// Shown on the account page, and on its own when the user's role requires it and it is not
// yet set up (then nothing else opens until it is).
import { useState } from "preact/hooks";
import { del, post, put } from "../api";
import { TwoFactorState, twoFactorChanged, useAuth } from "../auth";
import { ErrorSummary, Errors, TextInput } from "../components/fields";
import { Layout } from "../components/Layout";
import { errorsFrom } from "../errors";
import { navigate } from "../router";
import { codeErrors, groupSecret, normaliseCode, qrPath } from "../twoFactor";

interface Setup {
  secret: string;
  otpauth_uri: string;
}

function QrCode({ uri }: { uri: string }) {
  const { path, size } = qrPath(uri);
  return (
    <svg class="app-qr-code" viewBox={`0 0 ${size} ${size}`} width={size * 6} height={size * 6} role="img"
      aria-label="QR code for your authenticator app to scan" shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#0b0c0c" />
    </svg>
  );
}

// The steps once a secret has been issued: add it to an app, then prove it with a code.
export function SetUpSteps({ setup, code, onCode, error, busy, onSubmit }: {
  setup: Setup; code: string; onCode: (v: string) => void; error?: string; busy: boolean; onSubmit: (e: Event) => void;
}) {
  return (
    <>
      <ol class="govuk-list govuk-list--number">
        <li>Open an authenticator app on your work phone (such as Microsoft Authenticator, Google Authenticator or FreeOTP).</li>
        <li>Add an account in the app by scanning this QR code:
          <div class="govuk-!-margin-top-2 govuk-!-margin-bottom-2"><QrCode uri={setup.otpauth_uri} /></div>
        </li>
        <li>Or, if you cannot scan it, choose to enter a key and type this one (time-based):
          <p class="govuk-body govuk-!-font-weight-bold app-secret-key" id="secret-key">{groupSecret(setup.secret)}</p>
          <p class="govuk-body-s">On a phone with Casework open, you can instead{" "}
            <a class="govuk-link" href={setup.otpauth_uri}>open this key in your authenticator app</a>.</p>
        </li>
        <li>Type the 6-digit code the app now shows.</li>
      </ol>
      <form onSubmit={onSubmit} novalidate>
        <TextInput id="code" label="Code from the app" value={code} onInput={onCode} autocomplete="one-time-code"
          inputmode="numeric" width="5" spellcheck={false} error={error}
          hint="This shows the app has the key. Two-factor sign-in is not on until you do this." />
        <button class="govuk-button" type="submit" disabled={busy}>Turn on two-factor sign-in</button>
      </form>
    </>
  );
}

// Set-up from the start: ask for a secret, then the steps.
export function TwoFactorSetUp({ onDone }: { onDone: () => void }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const begin = async () => {
    setBusy(true);
    try {
      setSetup(await post<Setup>("/sessions/current/two-factor"));
      setErrors({});
    } catch (err) {
      setErrors(errorsFrom(err, {}));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (e: Event) => {
    e.preventDefault();
    const found = codeErrors(code);
    setErrors(found);
    if (found.code) return;
    setBusy(true);
    try {
      await put("/sessions/current/two-factor", { code: normaliseCode(code) });
      twoFactorChanged({ enabled: true, setup_required: false });
      onDone();
    } catch (err) {
      setCode("");
      setErrors(errorsFrom(err, { code: "The code" }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      {errors.form && <p class="govuk-error-message">{errors.form}</p>}
      {setup ? (
        <SetUpSteps setup={setup} code={code} onCode={setCode} error={errors.code} busy={busy} onSubmit={confirm} />
      ) : (
        <button type="button" class="govuk-button" disabled={busy} onClick={begin}>Set up two-factor sign-in</button>
      )}
    </>
  );
}

// Turning it off, with a current code; not offered when the role requires it.
export function TwoFactorOn({ state, onOff }: { state: TwoFactorState; onOff: () => void }) {
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = codeErrors(code, "off-code");
    setErrors(found);
    if (found["off-code"]) return;
    try {
      await del("/sessions/current/two-factor", { code: normaliseCode(code) });
      twoFactorChanged({ enabled: false });
      onOff();
    } catch (err) {
      setCode("");
      const found = errorsFrom(err, { code: "The code" });
      setErrors(found.code ? { "off-code": found.code } : found);
    }
  };
  return (
    <>
      <p class="govuk-body">Two-factor sign-in is on: you sign in with your password and a code from your authenticator app.</p>
      {state.required ? (
        <p class="govuk-body">Your role requires it, so it cannot be turned off. If you lose your phone, ask your administrator to reset it.</p>
      ) : (
        <form onSubmit={submit} novalidate>
          <ErrorSummary errors={errors} />
          <TextInput id="off-code" label="To turn it off, type the code your app shows now" value={code} onInput={setCode}
            autocomplete="one-time-code" inputmode="numeric" width="5" spellcheck={false} error={errors["off-code"] ?? errors.form} />
          <button class="govuk-button govuk-button--warning" type="submit">Turn off two-factor sign-in</button>
        </form>
      )}
    </>
  );
}

// The account page's section.
export function TwoFactorSection() {
  const { twoFactor } = useAuth();
  const [message, setMessage] = useState("");
  return (
    <>
      <h2 class="govuk-heading-m">Two-factor sign-in</h2>
      {message && <p class="govuk-body govuk-!-font-weight-bold" role="status">{message}</p>}
      {twoFactor.enabled ? (
        <TwoFactorOn state={twoFactor} onOff={() => setMessage("Two-factor sign-in is off.")} />
      ) : (
        <>
          <p class="govuk-body">With two-factor sign-in, signing in needs a code from an app on your phone as well as your
            password, so someone who learns your password still cannot sign in as you.</p>
          <TwoFactorSetUp onDone={() => setMessage("Two-factor sign-in is on. You will be asked for a code when you next sign in.")} />
        </>
      )}
    </>
  );
}

// Shown instead of every other page while the user's role requires two-factor sign-in and
// they have not set it up.
export function TwoFactorRequired() {
  return (
    <Layout title="Set up two-factor sign-in">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Set up two-factor sign-in</h1>
          <p class="govuk-body">Your partnership requires people in your role to sign in with a code from an authenticator
            app as well as a password. Set it up now to carry on; it takes a minute.</p>
          <TwoFactorSetUp onDone={() => navigate("/account?two_factor=on")} />
        </div>
      </div>
    </Layout>
  );
}
