import {describe, expect, it} from "vitest";
import {inert} from "../../../../src/io/import/inert.js";

describe("inert(value, max)", () => {
  it("quotes a value so that it never starts with a formula trigger", () => {
    for (const v of ["=1+1", "+cmd", "-2", "@SUM(A1)", "\t=x", "＝1"]) expect(inert(v)).toMatch(/^"/);
    expect(inert("=HYPERLINK(\"http://x\")")).toBe('"=HYPERLINK(\\"http://x\\")"');
  });

  it("escapes markup, controls, line separators and bidi overrides", () => {
    expect(inert("<script>alert(1)</script>")).toBe('"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
    expect(inert("a\nb\r\u2028c\u202ed")).toBe('"a\\nb\\r\\u2028c\\u202ed"');
    expect(inert("a&amp;")).toBe('"a\\u0026amp;"');
    expect(inert("\ufeffid")).toBe('"\\ufeffid"');
  });

  it("shortens to max characters and says how long the value was, never splitting a surrogate pair", () => {
    expect(inert("x".repeat(50), 10)).toBe('"xxxxxxxxxx"… (50 characters)');
    expect(inert("🙂".repeat(12), 10)).toBe(`"${"🙂".repeat(10)}"… (12 characters)`);
    expect(inert("short")).toBe('"short"');
    expect(inert(null)).toBe("");
  });
});
