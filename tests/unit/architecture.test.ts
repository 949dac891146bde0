/**
 * One core, one direction. src/core (calendar, constants and shared vocabularies, the seeded generator,
 * shift arithmetic, formatting, quantiles) imports nothing else of the project; the analysis folders of
 * src/ never import the simulator (src/world); and no module of src/, data-loaders/, scripts/, bench/ or
 * docs/components/ takes part in an import cycle, type-only and dynamic imports included.
 */
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const SCANNED = ["src", "data-loaders", "scripts", "bench", "docs/components"];
/** src/ folders that only the simulator and its projections may import from: everything but core and world. */
const SIMULATOR = "src/world/";

/** The relative specifiers a module imports: static, type-only, re-exported and dynamic. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["'](\.[^"']+)["']/gm)) found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)) found.push(m[1]);
  return found;
}

/** The import cycles of a graph (module -> modules it imports), each as its modules (Tarjan's strongly connected components). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) visit(w);
      if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, low.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = stack.splice(stack.indexOf(v));
    if (component.length > 1 || graph.get(v)!.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

function modulesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : modulesUnder(path);
    return /\.(m?ts)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Each scanned module and the project modules it imports, as paths from the root (".js" read as the ".ts" beside it). */
function projectGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const module of SCANNED.flatMap(modulesUnder)) {
    const targets = importsOf(readFileSync(join(ROOT, module), "utf8")).map((spec) => {
      const path = resolve(ROOT, dirname(module), spec);
      const ts = path.replace(/\.js$/, ".ts");
      return relative(ROOT, existsSync(ts) ? ts : path).replace(/^docs\/lib\//, "src/");
    });
    graph.set(module, targets);
  }
  return graph;
}

describe("importsOf(source) and importCycles(graph)", () => {
  it("finds static, type-only, re-exported and dynamic relative imports, not packages", () => {
    const source = 'import {a} from "./a.js";\nimport type {B} from "../b.js";\nexport {c} from "./c.js";\nimport * as d3 from "d3";\nconst e = await import("./e.js");';
    expect(importsOf(source)).toEqual(["./a.js", "../b.js", "./c.js", "./e.js"]);
  });
  it("finds a cycle through three modules and a module importing itself, and nothing in a tree", () => {
    expect(importCycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
    expect(importCycles(new Map([["a", ["a"]]]))).toEqual([["a"]]);
    expect(importCycles(new Map([["a", ["b", "c"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
  });
});

describe("the project's imports", () => {
  const graph = projectGraph();
  it("scans the project's modules", () => {
    expect(graph.size).toBeGreaterThan(300);
  });
  it("have no cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });
  it("keep src/core apart: it imports only itself", () => {
    const outside = [...graph].filter(([m]) => m.startsWith("src/core/")).flatMap(([m, targets]) => targets.filter((t) => !t.startsWith("src/core/")).map((t) => `${m} -> ${t}`));
    expect(outside).toEqual([]);
  });
  it("keep the simulator out of analysis: no src/ module outside src/world imports it", () => {
    const analysis = [...graph].filter(([m]) => m.startsWith("src/") && !m.startsWith(SIMULATOR));
    expect(analysis.length).toBeGreaterThan(100);
    const reads = analysis.flatMap(([m, targets]) => targets.filter((t) => t.startsWith(SIMULATOR)).map((t) => `${m} -> ${t}`));
    expect(reads).toEqual([]);
  });
});
