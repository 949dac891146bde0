import {describe, expect, it} from "vitest";
import {encodeState, parseState, refusedNote, sameState, slug, withParam} from "../../../src/io/urlState.js";

describe("slug", () => {
  it("slug(label) keeps letters and digits, one hyphen between words", () => {
    expect(slug("Both (|z| > threshold)")).toBe("both-z-threshold");
    expect(slug("Spikes only")).toBe("spikes-only");
    expect(slug("Việt Nam")).toBe("viet-nam");
  });
});

describe("encodeState and parseState", () => {
  const range = {kind: "range", min: 3, max: 28} as const;
  const choice = {kind: "choice", options: ["All regions", "APAC", "EMEA"]} as const;
  const choices = {kind: "choices", options: ["high", "medium", "low"]} as const;
  const date = {kind: "date", min: "2025-03-01", max: "2025-08-31"} as const;

  it("round-trips every kind of control", () => {
    const cases = [[range, 14], [choice, "APAC"], [choices, ["high", "low"]], [choices, []], [date, "2025-06-01"], [{kind: "toggle"}, true], [{kind: "text"}, "viet nam"]] as const;
    for (const [spec, state] of cases) expect(parseState(spec, encodeState(spec, state))).toEqual({ok: true, state});
  });
  it("writes choices as slugs and none as one empty value", () => {
    expect(encodeState(choice, "All regions")).toEqual(["all-regions"]);
    expect(encodeState(choices, [])).toEqual([""]);
  });
  it("refuses values the input cannot take, saying why", () => {
    expect(parseState(range, ["abc"])).toEqual({ok: false, reason: "not a number"});
    expect(parseState(range, ["29"])).toEqual({ok: false, reason: "outside 3 to 28"});
    expect(parseState(range, [""])).toEqual({ok: false, reason: "not a number"});
    expect(parseState(range, ["4", "5"])).toEqual({ok: false, reason: "given more than once"});
    expect(parseState(choice, ["mars"])).toEqual({ok: false, reason: "no option “mars”"});
    expect(parseState(date, ["2025-02-30"])).toEqual({ok: false, reason: "not a date (YYYY-MM-DD)"});
    expect(parseState(date, ["2024-12-31"])).toEqual({ok: false, reason: "outside 2025-03-01 to 2025-08-31"});
    expect(parseState({kind: "toggle"}, ["yes"])).toEqual({ok: false, reason: "not on or off"});
    expect(parseState({kind: "text"}, ["x".repeat(201)])).toEqual({ok: false, reason: "longer than 200 characters"});
  });
});

describe("withParam", () => {
  it("withParam(search, name, values) replaces one parameter and keeps the others in order", () => {
    expect(withParam("?a=1&b=2", "a", ["3"])).toBe("?b=2&a=3");
    expect(withParam("?a=1&b=2", "a", null)).toBe("?b=2");
    expect(withParam("", "s", ["high", "low"])).toBe("?s=high&s=low");
    expect(withParam("?a=1", "a", null)).toBe("");
  });
});

describe("sameState and refusedNote", () => {
  it("compares choices as sets", () => {
    expect(sameState(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameState(["a"], ["a", "b"])).toBe(false);
    expect(sameState(7, 7)).toBe(true);
  });
  it("refusedNote names the parameter, the value and the reason", () => {
    expect(refusedNote("window", ["abc"], "not a number")).toBe("The link's window=“abc” was ignored (not a number); showing the default.");
  });
});
