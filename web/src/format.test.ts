import { describe, expect, it } from "vitest";
import { dateFromParts, formatDate, formatDateTime, interpretSearch, londonDateTimeToIso, londonNow } from "./format";

describe("dates", () => {
  it("reads the GOV.UK date input's parts", () => {
    expect(dateFromParts("2", "4", "2018")).toEqual({ date: "2018-04-02" });
    expect(dateFromParts("", "", "")).toEqual({ date: null });
    expect(dateFromParts("31", "2", "2024").error).toBeTruthy();
    expect(dateFromParts("1", "1", "18").error).toBeTruthy();
  });
  it("turns London wall-clock time into UTC, in summer and winter", () => {
    expect(londonDateTimeToIso("2026-07-01", "14:30")).toBe("2026-07-01T13:30:00Z");
    expect(londonDateTimeToIso("2026-01-15", "2:30pm")).toBe("2026-01-15T14:30:00Z");
    expect(londonDateTimeToIso("2026-01-15", "12am")).toBe("2026-01-15T00:00:00Z");
    expect(londonDateTimeToIso("2026-01-15", "25:00")).toBeNull();
    expect(londonDateTimeToIso("2026-01-15", "soon")).toBeNull();
  });
  it("shows dates and times in London", () => {
    expect(formatDate("2018-04-02")).toBe("2 April 2018");
    expect(formatDateTime("2026-07-01T13:30:00Z")).toBe("1 July 2026 at 2:30pm");
    expect(formatDateTime("2026-01-15T09:05:00Z")).toBe("15 January 2026 at 9:05am");
  });
  it("gives today's London date for a form's default", () => {
    expect(londonNow(new Date("2026-06-30T23:30:00Z"))).toEqual({ day: "1", month: "7", year: "2026", time: "00:30" });
  });
});

// REC-05: one search box finds people by name or alias, date of birth, NHS number or reference.
describe("interpretSearch", () => {
  it("REC05 reads a name or alias", () => {
    expect(interpretSearch(" Amelia Clarke ")).toEqual({ name: "Amelia Clarke" });
  });
  it("reads dates of birth written either way", () => {
    expect(interpretSearch("2/4/2018")).toEqual({ date_of_birth: "2018-04-02" });
    expect(interpretSearch("2018-04-02")).toEqual({ date_of_birth: "2018-04-02" });
  });
  it("reads NHS numbers with or without spaces", () => {
    expect(interpretSearch("943 476 5919")).toEqual({ nhs_number: "9434765919" });
  });
  it("reads council references", () => {
    expect(interpretSearch("cw000123")).toEqual({ council_reference: "CW000123" });
  });
});
