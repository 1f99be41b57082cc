// The warning two minutes before the automatic log out, with a button to stay signed in
// (WCAG 2.2.1 Timing adjustable). When the time runs out the user is signed out, and their
// drafts are on the server for when they sign in again.
import { useEffect, useRef, useState } from "preact/hooks";
import { onSessionExpiry, post } from "../api";
import { signOut, useAuth } from "../auth";
import { navigate } from "../router";
import { describeSeconds, secondsRemaining, sessionPhase } from "../session";

export function SessionWarning() {
  const { user } = useAuth();
  const [told, setTold] = useState<{ at: number; left: number } | null>(null);
  const [now, setNow] = useState(Date.now());
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => onSessionExpiry((left) => setTold({ at: Date.now(), left })), []);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const phase = user && told ? sessionPhase(told.at, told.left, now) : "active";
  useEffect(() => {
    if (phase === "warning") button.current?.focus();
    if (phase === "expired") {
      const back = location.pathname + location.search;
      signOut("timed_out").then(() => navigate(`/sign-in?return=${encodeURIComponent(back)}`));
    }
  }, [phase]);

  if (phase !== "warning" || !told) return null;
  const left = secondsRemaining(told.at, told.left, now);
  return (
    <div class="app-session-warning">
      <div class="app-session-warning__dialog" role="alertdialog" aria-modal="true"
        aria-labelledby="session-warning-title" aria-describedby="session-warning-text">
        <h2 class="govuk-heading-m" id="session-warning-title">You will be signed out soon</h2>
        <p class="govuk-body" id="session-warning-text">
          To protect children's information, you will be signed out in{" "}
          <strong>{describeSeconds(left)}</strong> if you do nothing.
          Anything you have typed is saved as a draft.
        </p>
        <div class="govuk-button-group">
          <button ref={button} type="button" class="govuk-button" onClick={() => post("/sessions/current/refresh")}>
            Stay signed in
          </button>
          <a class="govuk-link" href="/sign-in" onClick={async (e) => {
            e.preventDefault();
            await signOut("signed_out");
            navigate("/sign-in");
          }}>Sign out now</a>
        </div>
      </div>
    </div>
  );
}
