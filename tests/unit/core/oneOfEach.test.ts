/**
 * One quantile, one set of formatters, one day arithmetic and one set of column builders: no module,
 * loader, page or component outside src/core/ defines its own quantile, median, percentile, number
 * formatter or addDays, or imports one from a library; no contract defines its own column builder.
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
// Build tooling (scripts/) prints its own messages; the rule is for what readers see.
const FOLDERS = ["src", "docs", "pages", "data-loaders"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".") || name === "lib" || name === "data") return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|js|md)$/.test(name) ? [path] : [];
  });
}

const RULES: {rule: string; pattern: RegExp}[] = [
  {rule: "a local number formatter", pattern: /\b(?:const|let|function)\s+\w+\b.*(?:\.toFixed\(|\.toLocaleString\((?:"en-US")?\)|new Intl\.NumberFormat)/},
  {rule: "percent formatting by hand", pattern: /\(\s*(?:100\s*\*\s*[\w.[\]()]+|[\w.[\]()]+\s*\*\s*100)\s*\)\s*\.toFixed\(/},
  {rule: "a local quantile or median", pattern: /\bfunction\s+(?:quantile|quantileSorted|median|percentile)\b/},
  {rule: "a local addDays (src/core/calendar.ts has it)", pattern: /\b(?:const|let|function)\s+addDays\b/},
  {rule: "a local column builder (src/io/columns.ts has them)", pattern: /^const\s+\w+\s*=\s*\([^)]*\)\s*:\s*ColumnSpec\s*=>\s*\(\{/},
  {rule: "a quantile or median from a library", pattern: /import\s*\{[^}]*\b(?:quantile|quantileSorted|median)\b[^}]*\}\s*from\s*"(?:d3|d3-array|simple-statistics)"/}
];

/** Every line of the project's sources that breaks a rule, as "path:line: rule: text". */
function violations(): string[] {
  const found: string[] = [];
  for (const file of FOLDERS.flatMap((f) => files(join(ROOT, f)))) {
    const path = relative(ROOT, file);
    if (path.startsWith("src/core/")) continue;
    readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      for (const {rule, pattern} of RULES) if (pattern.test(line)) found.push(`${path}:${i + 1}: ${rule}: ${line.trim().slice(0, 100)}`);
    });
  }
  return found;
}

describe("one quantile and one set of formatters", () => {
  it("the rules catch a local pct helper, a hand-made median, a library quantile, a local addDays and column builder", () => {
    const lines = ["const pct = (x) => `${(100 * x).toFixed(1)}%`;", "function median(values) {", 'import {quantileSorted} from "simple-statistics";', "const int = (x) => Math.round(x).toLocaleString(\"en-US\");", "const addDays = (d, n) => d;", 'const rate = (name: string, description: string): ColumnSpec => ({name, type: "float", description});'];
    expect(lines.map((line) => RULES.filter((r) => r.pattern.test(line)).length)).toEqual([2, 1, 1, 1, 1, 1]);
    expect(RULES.some((r) => r.pattern.test("const hours = seconds / 3600;"))).toBe(false);
  });
  it("no file outside src/core/ defines or imports its own", () => {
    expect(violations()).toEqual([]);
  });
});
