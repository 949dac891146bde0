import {describe, expect, it} from "vitest";
import {DEFAULT_FROM, DEFAULT_SCALE, DEFAULT_SEED, DEFAULT_TO, MAX_SCALE, parseConfig} from "../../src/config.js";

describe("parseConfig", () => {
  it("parseConfig({}) gives the defaults", () => {
    expect(parseConfig({})).toEqual({seed: DEFAULT_SEED, scale: DEFAULT_SCALE, from: DEFAULT_FROM, to: DEFAULT_TO});
    expect(DEFAULT_SEED).toBe(42);
    expect(DEFAULT_SCALE).toBe(1);
  });

  it("parseConfig treats empty and blank values as unset", () => {
    expect(parseConfig({WORKBOOK_SEED: "", WORKBOOK_SCALE: "  ", WORKBOOK_FROM: "", WORKBOOK_TO: " "})).toEqual({seed: 42, scale: 1, from: "2025-06-03", to: "2025-08-31"});
  });

  it("parseConfig ignores unrelated variables", () => {
    expect(parseConfig({PATH: "/usr/bin", SEED: "x", FROM: "x"})).toEqual({seed: 42, scale: 1, from: "2025-06-03", to: "2025-08-31"});
  });

  it("parseConfig reads a seed", () => {
    expect(parseConfig({WORKBOOK_SEED: "0"}).seed).toBe(0);
    expect(parseConfig({WORKBOOK_SEED: "7"}).seed).toBe(7);
    expect(parseConfig({WORKBOOK_SEED: " 123 "}).seed).toBe(123);
    expect(parseConfig({WORKBOOK_SEED: "9007199254740991"}).seed).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(["-1", "1.5", "abc", "1e3", "0x10", "9007199254740992", "NaN", "Infinity", "4 2", "+5"])(
    "parseConfig rejects WORKBOOK_SEED=%j",
    (value) => {
      expect(() => parseConfig({WORKBOOK_SEED: value})).toThrow(
        `invalid WORKBOOK_SEED: ${JSON.stringify(value)} (expected an integer from 0 to 9007199254740991; default 42)`
      );
    }
  );

  it("parseConfig reads a scale", () => {
    expect(parseConfig({WORKBOOK_SCALE: "0.5"}).scale).toBe(0.5);
    expect(parseConfig({WORKBOOK_SCALE: ".25"}).scale).toBe(0.25);
    expect(parseConfig({WORKBOOK_SCALE: "2"}).scale).toBe(2);
    expect(parseConfig({WORKBOOK_SCALE: "2."}).scale).toBe(2);
    expect(parseConfig({WORKBOOK_SCALE: "1e-3"}).scale).toBe(0.001);
    expect(parseConfig({WORKBOOK_SCALE: String(MAX_SCALE)}).scale).toBe(250);
  });

  it.each(["0", "0.0", "-1", "250.01", "1e3", "abc", "NaN", "Infinity", "0x10", "1,5", "."])(
    "parseConfig rejects WORKBOOK_SCALE=%j",
    (value) => {
      expect(() => parseConfig({WORKBOOK_SCALE: value})).toThrow(
        `invalid WORKBOOK_SCALE: ${JSON.stringify(value)} (expected a number in (0, 250]; default 1)`
      );
    }
  );

  it("parseConfig keeps the message on one line for a value with a newline", () => {
    expect(() => parseConfig({WORKBOOK_SEED: "4\n2"})).toThrow(/^invalid WORKBOOK_SEED: "4\\n2" \(/);
    try {
      parseConfig({WORKBOOK_SEED: "4\n2"});
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("\n");
    }
  });

  it("parseConfig checks the seed before the scale", () => {
    expect(() => parseConfig({WORKBOOK_SEED: "x", WORKBOOK_SCALE: "y"})).toThrow(/WORKBOOK_SEED/);
  });

  it("parseConfig({}) reports on the calendar's last 90 days", () => {
    expect(DEFAULT_FROM).toBe("2025-06-03");
    expect(DEFAULT_TO).toBe("2025-08-31");
  });

  it("parseConfig reads a reporting window", () => {
    expect(parseConfig({WORKBOOK_FROM: "2025-03-01", WORKBOOK_TO: "2025-08-31"})).toMatchObject({from: "2025-03-01", to: "2025-08-31"});
    expect(parseConfig({WORKBOOK_FROM: " 2025-07-01 "})).toMatchObject({from: "2025-07-01", to: "2025-08-31"});
    // Exactly 28 days, inclusive.
    expect(parseConfig({WORKBOOK_FROM: "2025-08-04", WORKBOOK_TO: "2025-08-31"})).toMatchObject({from: "2025-08-04", to: "2025-08-31"});
    // An unset FROM is 90 days before TO, clamped to the calendar's first day.
    expect(parseConfig({WORKBOOK_TO: "2025-07-31"})).toMatchObject({from: "2025-05-03", to: "2025-07-31"});
    expect(parseConfig({WORKBOOK_TO: "2025-04-15"})).toMatchObject({from: "2025-03-01", to: "2025-04-15"});
  });

  const dayRange = "(expected a UTC date YYYY-MM-DD from 2025-03-01 to 2025-08-31; default";
  it.each(["2025-02-30", "2025-02-28", "2025-09-01", "2024-06-01", "2025-6-1", "20250601", "2025-06-01T00:00Z", "2025-13-01", "2025-06-31", "June 1", "x"])(
    "parseConfig rejects WORKBOOK_FROM=%j and WORKBOOK_TO=%j",
    (value) => {
      expect(() => parseConfig({WORKBOOK_FROM: value})).toThrow(`invalid WORKBOOK_FROM: ${JSON.stringify(value)} ${dayRange} 2025-06-03)`);
      expect(() => parseConfig({WORKBOOK_TO: value})).toThrow(`invalid WORKBOOK_TO: ${JSON.stringify(value)} ${dayRange} 2025-08-31)`);
    }
  );

  const windowRange = "(expected WORKBOOK_FROM <= WORKBOOK_TO, at least 28 days apart inclusive, within 2025-03-01 to 2025-08-31; default 2025-06-03 to 2025-08-31)";
  it("parseConfig rejects WORKBOOK_FROM after WORKBOOK_TO, naming both", () => {
    expect(() => parseConfig({WORKBOOK_FROM: "2025-08-01", WORKBOOK_TO: "2025-07-01"})).toThrow(
      `invalid reporting window: WORKBOOK_FROM "2025-08-01" is after WORKBOOK_TO "2025-07-01" ${windowRange}`
    );
  });

  it("parseConfig rejects a window shorter than 28 days", () => {
    expect(() => parseConfig({WORKBOOK_FROM: "2025-08-05", WORKBOOK_TO: "2025-08-31"})).toThrow(
      `invalid reporting window: WORKBOOK_FROM "2025-08-05" to WORKBOOK_TO "2025-08-31" is 27 days ${windowRange}`
    );
    expect(() => parseConfig({WORKBOOK_FROM: "2025-08-31"})).toThrow(`is 1 day ${windowRange}`);
    expect(() => parseConfig({WORKBOOK_TO: "2025-03-20"})).toThrow(`WORKBOOK_FROM "2025-03-01" to WORKBOOK_TO "2025-03-20" is 20 days`);
  });

  it("parseConfig keeps every window message on one line", () => {
    for (const env of [{WORKBOOK_FROM: "2025-07-01\nx"}, {WORKBOOK_TO: "\n2025-13-01"}, {WORKBOOK_FROM: "2025-08-30"}]) {
      expect(() => parseConfig(env)).toThrow(/^invalid [^\n]*$/);
    }
  });
});
