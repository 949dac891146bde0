import {describe, expect, it} from "vitest";
import {DEFAULT_SCALE, DEFAULT_SEED, MAX_SCALE, parseConfig} from "../../src/config.js";

describe("parseConfig", () => {
  it("parseConfig({}) gives the defaults", () => {
    expect(parseConfig({})).toEqual({seed: DEFAULT_SEED, scale: DEFAULT_SCALE});
    expect(DEFAULT_SEED).toBe(42);
    expect(DEFAULT_SCALE).toBe(1);
  });

  it("parseConfig treats empty and blank values as unset", () => {
    expect(parseConfig({WORKBOOK_SEED: "", WORKBOOK_SCALE: "  "})).toEqual({seed: 42, scale: 1});
  });

  it("parseConfig ignores unrelated variables", () => {
    expect(parseConfig({PATH: "/usr/bin", SEED: "x"})).toEqual({seed: 42, scale: 1});
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
});
