// Calls to Casework's API from the pages: same origin, the session cookie, and the CSRF token
// the server gave at sign-in on every request that changes something. Every signed-in answer
// says how long the session has left (X-Session-Expires-In), which the idle warning uses.

export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly body?: any,
  ) {
    super(message);
  }
}

type ExpiryListener = (secondsLeft: number) => void;
type SignedOutListener = () => void;
type PasswordListener = () => void;
type TwoFactorListener = () => void;

let csrfToken = "";
const expiryListeners = new Set<ExpiryListener>();
const signedOutListeners = new Set<SignedOutListener>();
const passwordListeners = new Set<PasswordListener>();
const twoFactorListeners = new Set<TwoFactorListener>();

// Called when the server answers that the password must be changed first.
export function onPasswordChangeRequired(listener: PasswordListener): () => void {
  passwordListeners.add(listener);
  return () => passwordListeners.delete(listener);
}

// Called when the server answers that two-factor sign-in must be set up first.
export function onTwoFactorSetupRequired(listener: TwoFactorListener): () => void {
  twoFactorListeners.add(listener);
  return () => twoFactorListeners.delete(listener);
}

export function setCsrfToken(token: string) {
  csrfToken = token;
}

export function onSessionExpiry(listener: ExpiryListener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

// Called when the server answers 401: the session has ended.
export function onSignedOut(listener: SignedOutListener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const left = response.headers.get("X-Session-Expires-In");
  if (left !== null) expiryListeners.forEach((l) => l(Number(left)));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const e: ApiErrorBody = json?.error ?? { code: "unknown", message: response.statusText };
    // Failures while signing in are the sign-in page's to show, not a session ending.
    const signingIn = path === "/sessions" || path === "/sessions/second-factor";
    if (response.status === 401 && !signingIn) signedOutListeners.forEach((l) => l());
    if (e.code === "password_change_required") passwordListeners.forEach((l) => l());
    if (e.code === "two_factor_setup_required") twoFactorListeners.forEach((l) => l());
    throw new ApiError(response.status, e.code, e.message, e.field, json);
  }
  return json as T;
}

export const get = <T = any>(path: string) => api<T>("GET", path);
export const post = <T = any>(path: string, body?: unknown) => api<T>("POST", path, body ?? {});
export const put = <T = any>(path: string, body: unknown) => api<T>("PUT", path, body);
export const del = (path: string, body?: unknown) => api<void>("DELETE", path, body);

// A query string from the values that are set.
export function query(params: Record<string, string | number | undefined | string[]>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => q.append(key, v));
    else if (value !== undefined && value !== "") q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
