// An authenticator app for the flows: the RFC 6238 code for a base32 key, with node's HMAC.
import { createHmac } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Bytes(text) {
  let bits = 0, value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, "").toUpperCase()) {
    value = (value << 5) | ALPHABET.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

export function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32Bytes(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, "0");
}

// Holds a key and gives codes the server has not yet seen: this step's, or the next one's
// (the server allows a step of drift), waiting for the clock only when both are used.
export class AuthenticatorApp {
  constructor(key) {
    this.key = key;
    this.used = 0;
  }
  async fresh() {
    for (;;) {
      const now = Math.floor(Date.now() / 30_000);
      const step = Math.max(now, this.used + 1);
      if (step <= now + 1) {
        this.used = step;
        return totp(this.key, step);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  // A code that is not right around now.
  wrong() {
    const now = Math.floor(Date.now() / 30_000);
    const near = new Set([-1, 0, 1, 2].map((d) => totp(this.key, now + d)));
    return ["000000", "111111", "222222", "333333"].find((c) => !near.has(c));
  }
}
