// Two-factor sign-in (SEC-03) on the pages: checking a typed code, showing the secret so it
// can be typed into an app, and the QR code an app scans instead.
import { encode } from "uqr";

// Apps show codes in two halves ("123 456"); people copy them with the space.
export function normaliseCode(text: string): string {
  return text.replace(/[\s-]/g, "");
}

// The message for a code that cannot be right, or "" when it may be.
export function codeProblem(text: string): string {
  const code = normaliseCode(text);
  if (!code) return "Enter the 6-digit code from your authenticator app";
  if (!/^\d{6}$/.test(code)) return "The code must be 6 digits, such as 123 456";
  return "";
}

// The errors to show for a typed code before sending it, under the field's id; none when
// it may be right.
export function codeErrors(text: string, field = "code"): Record<string, string> {
  const problem = codeProblem(text);
  return problem ? { [field]: problem } : {};
}

// The key in groups of four, which is how apps ask for it and easier to copy by eye.
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? "";
}

// An SVG path drawing the dark squares of the QR code for text, one unit each, and the
// code's width in units (with the quiet border a scanner needs).
export function qrPath(text: string): { path: string; size: number } {
  const qr = encode(text, { ecc: "M", border: 2 });
  let path = "";
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { path, size: qr.size };
}
