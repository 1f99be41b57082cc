// Who is signed in, shared by every page. The session itself is an HttpOnly cookie the pages
// cannot read; they keep the user and the CSRF token the server sent with it.
import { useEffect, useState } from "preact/hooks";
import { ApiError, del, get, post, setCsrfToken } from "./api";
import type { User } from "./types";

export type SignOutReason = "" | "signed_out" | "timed_out";

interface AuthState {
  checked: boolean;  // the first "who am I" has been answered
  user: User | null;
  reason: SignOutReason;
  // The password must be changed before anything else (after a reset, or when too old).
  mustChangePassword: boolean;
  twoFactor: TwoFactorState;
}

// SEC-03: whether sign-in asks this user for a one-time code, whether their role must, and
// so whether they must set it up before anything else.
export interface TwoFactorState {
  enabled: boolean;
  required: boolean;
  setup_required: boolean;
}

const noTwoFactor: TwoFactorState = { enabled: false, required: false, setup_required: false };

let state: AuthState = { checked: false, user: null, reason: "", mustChangePassword: false, twoFactor: noTwoFactor };
const listeners = new Set<() => void>();

function set(next: Partial<AuthState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export function useAuth(): AuthState {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return state;
}

export async function checkSession() {
  try {
    const current = await get<{ user: User; csrf_token: string; password_change_required?: boolean; two_factor?: TwoFactorState }>(
      "/sessions/current");
    setCsrfToken(current.csrf_token);
    set({ checked: true, user: current.user, reason: "",
      mustChangePassword: Boolean(current.password_change_required || current.user.must_change_password),
      twoFactor: current.two_factor ?? noTwoFactor });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    set({ checked: true, user: null });
  }
}

interface SignedIn {
  user: User;
  csrf_token: string;
}

// With two-factor on, the right password opens no session yet: the server sends a challenge
// to return with a code from the user's app.
export interface SecondFactorNeeded {
  second_factor_required: true;
  challenge: string;
}

async function started(answer: SignedIn) {
  setCsrfToken(answer.csrf_token);
  set({ user: answer.user, reason: "", mustChangePassword: answer.user.must_change_password });
  await checkSession();
  return answer.user;
}

// The signed-in user, or the challenge when a code is needed too.
export async function signIn(username: string, password: string, extra: Record<string, string> = {}):
    Promise<User | SecondFactorNeeded> {
  const answer = await post<SignedIn | SecondFactorNeeded>("/sessions", { username, password, ...extra });
  if ("second_factor_required" in answer) return answer;
  return started(answer);
}

export async function completeSignIn(challenge: string, code: string) {
  return started(await post<SignedIn>("/sessions/second-factor", { challenge, code }));
}

export async function signOut(reason: SignOutReason) {
  try {
    await del("/sessions/current");
  } catch {
    // Already ended on the server: nothing more to do.
  }
  setCsrfToken("");
  set({ user: null, reason, mustChangePassword: false, twoFactor: noTwoFactor });
}

// The server said the session is over (401 on a signed-in call).
export function sessionEnded() {
  if (state.user) set({ user: null, reason: "timed_out" });
}

// The server refused a call until the password is changed.
export function passwordChangeRequired() {
  if (state.user && !state.mustChangePassword) set({ mustChangePassword: true });
}

export function passwordChanged() {
  set({ mustChangePassword: false });
}

// The server refused a call until two-factor sign-in is set up; ask it what is needed.
export function twoFactorSetupRequired() {
  if (state.user && !state.twoFactor.setup_required) set({ twoFactor: { ...state.twoFactor, setup_required: true } });
}

export function twoFactorChanged(next: Partial<TwoFactorState>) {
  set({ twoFactor: { ...state.twoFactor, ...next } });
}
