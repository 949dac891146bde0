import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ROOT} from "../../../scripts/buildSteps.js";
import {END, readmeWithImportContract, START} from "../../../scripts/importContractReadme.js";

describe("readmeWithImportContract(readme)", () => {
  it("replaces only the text between the markers", () => {
    const out = readmeWithImportContract(`a\n${START}\nOLD TEXT\n${END}\nb`);
    expect(out.startsWith(`a\n${START}\n\nFiles are`)).toBe(true);
    expect(out.endsWith(`\n\n${END}\nb`)).toBe(true);
    expect(out).not.toContain("OLD TEXT");
    expect(() => readmeWithImportContract("no markers")).toThrow(/has no/);
  });

  it("the README's section is up to date with the contract (npm run import-contract-readme)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toBe(readmeWithImportContract(readme));
  });
});
