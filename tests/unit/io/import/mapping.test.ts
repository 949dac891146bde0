import {describe, expect, it} from "vitest";
import {checkMapping, parseMapping} from "../../../../src/io/import/mapping.js";

describe("parseMapping(text) and checkMapping(input)", () => {
  it("takes platform names for the contract's values, per column", () => {
    const m = {category: {"Hate speech": "harassment_hate"}, severity: {P0: "critical"}, country: {SG: "Singapore"}};
    expect(parseMapping(JSON.stringify(m))).toEqual({mapping: m, findings: []});
  });

  it("rejects the whole file for every target the contract does not accept, every unknown column and bad JSON", () => {
    const {mapping, findings} = checkMapping({category: {Scam: "fraud", Spam: "spam"}, colour: {red: "rouge"}, severity: ["P0"]});
    expect(mapping).toEqual({});
    expect(findings.map((f) => `${f.rule}:${f.value}`)).toEqual(['invalid mapping:"category: Scam -\\u003e fraud"', 'invalid mapping:"colour"', 'invalid mapping:"severity"']);
    expect(parseMapping("{category: x}").findings.map((f) => f.rule)).toEqual(["invalid mapping"]);
    expect(checkMapping([]).findings).toHaveLength(1);
  });
});
