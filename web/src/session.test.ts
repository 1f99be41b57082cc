import { describe, expect, it } from "vitest";
import { describeSeconds, secondsRemaining, sessionPhase, WARNING_SECONDS } from "./session";

// SEC-02 and WCAG 2.2.1: warned two minutes before the idle log out, then signed out.
describe("sessionPhase", () => {
  const at = 1_000_000;
  it("SEC02 is active until two minutes are left", () => {
    expect(sessionPhase(at, 900, at)).toBe("active");
    expect(sessionPhase(at, 900, at + (900 - WARNING_SECONDS - 1) * 1000)).toBe("active");
  });
  it("SEC02 warns in the last two minutes", () => {
    expect(sessionPhase(at, 900, at + (900 - WARNING_SECONDS) * 1000)).toBe("warning");
    expect(sessionPhase(at, 900, at + 899 * 1000)).toBe("warning");
  });
  it("SEC02 has expired when no time is left", () => {
    expect(sessionPhase(at, 900, at + 900 * 1000)).toBe("expired");
    expect(sessionPhase(at, 0, at)).toBe("expired");
  });
  it("counts whole seconds down, never below zero", () => {
    expect(secondsRemaining(at, 120, at + 500)).toBe(120);
    expect(secondsRemaining(at, 120, at + 60_000)).toBe(60);
    expect(secondsRemaining(at, 120, at + 999_000)).toBe(0);
  });
  it("says how long is left in words", () => {
    expect(describeSeconds(120)).toBe("2 minutes");
    expect(describeSeconds(61)).toBe("1 minute 1 second");
    expect(describeSeconds(45)).toBe("45 seconds");
    expect(describeSeconds(0)).toBe("0 seconds");
  });
});
