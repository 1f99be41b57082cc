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
}

let state: AuthState = { checked: false, user: null, reason: "", mustChangePassword: false };
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
    const current = await get<{ user: User; csrf_token: string; password_change_required?: boolean }>("/sessions/current");
    setCsrfToken(current.csrf_token);
    set({ checked: true, user: current.user, reason: "",
      mustChangePassword: Boolean(current.password_change_required || current.user.must_change_password) });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    set({ checked: true, user: null });
  }
}

export async function signIn(username: string, password: string, extra: Record<string, string> = {}) {
  const answer = await post<{ user: User; csrf_token: string }>("/sessions", { username, password, ...extra });
  setCsrfToken(answer.csrf_token);
  set({ user: answer.user, reason: "", mustChangePassword: answer.user.must_change_password });
  await checkSession();
  return answer.user;
}

export async function signOut(reason: SignOutReason) {
  try {
    await del("/sessions/current");
  } catch {
    // Already ended on the server: nothing more to do.
  }
  setCsrfToken("");
  set({ user: null, reason, mustChangePassword: false });
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
