// When to warn before the automatic log out, and when the session has ended, from the time
// the server last said was left. Kept free of the page so it can be tested alone.

// WCAG 2.2.1: users are warned before a time limit ends and can extend it.
export const WARNING_SECONDS = 120;

export type SessionPhase = "active" | "warning" | "expired";

// The phase at time now (ms), for a session the server said at `at` (ms) had `secondsLeft`.
export function sessionPhase(at: number, secondsLeft: number, now: number): SessionPhase {
  const left = secondsLeft - (now - at) / 1000;
  if (left <= 0) return "expired";
  if (left <= WARNING_SECONDS) return "warning";
  return "active";
}

// Whole seconds left, never below zero.
export function secondsRemaining(at: number, secondsLeft: number, now: number): number {
  return Math.max(0, Math.ceil(secondsLeft - (now - at) / 1000));
}

// "1 minute 5 seconds", "2 minutes", "45 seconds".
export function describeSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? "minute" : "minutes"}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? "second" : "seconds"}`);
  return parts.join(" ");
}
