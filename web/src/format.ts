// Dates, times and search queries as people write and read them. Times are stored in UTC and
// shown in Europe/London.

const LONDON = "Europe/London";

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const when = new Date(iso);
  const date = when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: LONDON });
  const time = when
    .toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit", hour12: true, timeZone: LONDON })
    .replace(" ", "")
    .toLowerCase();
  return `${date} at ${time}`;
}

// The parts of a GOV.UK date input as an ISO date, or null with what is wrong.
export function dateFromParts(day: string, month: string, year: string): { date: string | null; error?: string } {
  if (!day.trim() && !month.trim() && !year.trim()) return { date: null };
  const d = Number(day), m = Number(month), y = Number(year);
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || year.trim().length !== 4) {
    return { date: null, error: "must be a real date, such as 27 3 2026" };
  }
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return { date: null, error: "must be a real date, such as 27 3 2026" };
  }
  return { date: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

// The UTC instant of a London wall-clock date and time ("14:30" or "2:30pm").
export function londonDateTimeToIso(date: string, time: string): string | null {
  const match = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*$/i.exec(time);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    if (half === "pm" && hour !== 12) hour += 12;
    if (half === "am" && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return null;
  const [y, m, d] = date.split("-").map(Number);
  // London is UTC or UTC+1: try the offset that gives back the same wall-clock time.
  for (const offset of [0, 1]) {
    const candidate = new Date(Date.UTC(y, m - 1, d, hour - offset, minute));
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: LONDON, hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(candidate);
    const h = Number(parts.find((p) => p.type === "hour")?.value);
    if (h === hour) return candidate.toISOString().replace(".000Z", "Z");
  }
  return null;
}

// Today's date and the time now, in London, for defaulting "when did it happen".
export function londonNow(now: Date = new Date()): { day: string; month: string; year: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: LONDON, day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { day: String(Number(get("day"))), month: String(Number(get("month"))), year: get("year"), time: `${get("hour")}:${get("minute")}` };
}

export interface SearchQuery {
  name?: string;
  date_of_birth?: string;
  nhs_number?: string;
  council_reference?: string;
}

// What one search box means: a date of birth, an NHS number, a council reference or a name.
export function interpretSearch(text: string): SearchQuery {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(t);
  if (dmy) {
    const { date } = dateFromParts(dmy[1], dmy[2], dmy[3]);
    if (date) return { date_of_birth: date };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { date_of_birth: t };
  const digits = t.replace(/[\s-]/g, "");
  if (/^\d{10}$/.test(digits)) return { nhs_number: digits };
  if (/^[A-Za-z]{1,4}\d{3,}$/.test(t)) return { council_reference: t.toUpperCase() };
  return { name: t };
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
