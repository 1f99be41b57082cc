import { describe, expect, it } from "vitest";
import { codeErrors, codeProblem, groupSecret, normaliseCode, qrPath } from "./twoFactor";

// SEC-03: the code a user types at sign-in or set-up.
describe("one-time codes", () => {
  it("SEC03 accepts six digits, with the space apps show", () => {
    expect(codeProblem("123456")).toBe("");
    expect(codeProblem("123 456")).toBe("");
    expect(normaliseCode(" 123 456 ")).toBe("123456");
  });
  it("SEC03 says what is wrong with anything else", () => {
    expect(codeProblem("")).toBe("Enter the 6-digit code from your authenticator app");
    expect(codeProblem("12345")).toMatch(/6 digits/);
    expect(codeProblem("12345a")).toMatch(/6 digits/);
  });
  it("SEC03 puts the problem under the field it belongs to", () => {
    expect(codeErrors("123 456")).toEqual({});
    expect(Object.keys(codeErrors("12", "off-code"))).toEqual(["off-code"]);
  });
});

describe("setting up an app", () => {
  it("shows the key in groups of four", () => {
    expect(groupSecret("GEZDGNBVGY3TQOJQ")).toBe("GEZD GNBV GY3T QOJQ");
    expect(groupSecret("ABCDEF")).toBe("ABCD EF");
  });
  it("draws a QR code with a quiet border", () => {
    const { path, size } = qrPath("otpauth://totp/Casework:sam?secret=GEZDGNBVGY3TQOJQ&issuer=Casework");
    expect(size).toBeGreaterThanOrEqual(25);
    expect(path.startsWith("M2 2h1v1h-1z")).toBe(true);  // the finder pattern's corner, inside the border
    expect(path).not.toContain("M0 0");
  });
});
