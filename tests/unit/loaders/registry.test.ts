import {readdirSync, readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it, vi} from "vitest";
import {ROOT} from "../../../scripts/buildSteps.js";
import {dateRange} from "../../../src/core/calendar.js";
import {SCHEMAS} from "../../../src/io/contracts.js";
import {load, produce, REGISTRY, run, type LoaderIo} from "../../../data-loaders/_registry.js";
import {CSV_TABLES, type World} from "../../../data-loaders/_worldFiles.js";

const LOADERS = `${ROOT}/data-loaders`;

/** Every loader file, as the published file it writes (its path under docs/data), with its source. */
function loaderFiles(): {file: string; source: string}[] {
  const list = (dir: string, prefix: string) => readdirSync(`${LOADERS}/${dir}`)
    .filter((name) => name.endsWith(".ts") && !name.startsWith("_"))
    .map((name) => ({file: `${prefix}${name.slice(0, -3)}`, source: readFileSync(`${LOADERS}/${dir}/${name}`, "utf8")}));
  return [...list(".", ""), ...list("science", "science/")];
}

/** A loader's stdout, stderr and exit code, without a process. */
function fakeIo() {
  const out: (string | Uint8Array)[] = [];
  const err: string[] = [];
  const exit = vi.fn();
  const io: LoaderIo = {
    stdout: {write: ((chunk: string | Uint8Array, done: (error?: Error | null) => void) => (out.push(chunk), done(), true)) as never},
    stderr: {write: ((chunk: string) => (err.push(chunk), true)) as never},
    exit
  };
  return {io, out, err, exit};
}

/** A world whose reads return their own names, so a test sees which file an entry reads. */
function echoWorld(overrides: Partial<World> = {}): World {
  const bytes = (name: string) => Promise.resolve(new TextEncoder().encode(name));
  return {
    config: {seed: 7, scale: 1, from: "2025-04-02", to: "2025-06-30"} as World["config"],
    privacy: {enabled: false} as World["privacy"],
    table: (name, format = "arrow") => bytes(`table ${name}.${format}`),
    derived: (file) => bytes(`derived ${file}`),
    science: (file) => bytes(`science ${file}`),
    ...overrides
  };
}

const text = (bytes: string | Uint8Array) => (typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes));

describe("the registry of published files", () => {
  it("every loader is one call to load() with its own file name, and that file has a registry entry", () => {
    const loaders = loaderFiles();
    expect(loaders.length).toBeGreaterThan(70);
    for (const {file, source} of loaders) {
      const registry = file.startsWith("science/") ? "../_registry.js" : "./_registry.js";
      expect(source, file).toBe(`import {load} from "${registry}";\nawait load(${JSON.stringify(file)});\n`);
      expect(REGISTRY[file], file).toBeDefined();
    }
  });

  it("every registry entry has a loader file, and no two loaders write the same file", () => {
    const files = loaderFiles().map((l) => l.file);
    expect(new Set(files).size).toBe(files.length);
    expect([...files].sort()).toEqual(Object.keys(REGISTRY).sort());
  });

  it("publishes every table in Arrow, and the download tables also in CSV", () => {
    const tables = Object.entries(REGISTRY).filter(([, e]) => e.kind === "table").map(([file]) => file).sort();
    const expected = Object.keys(SCHEMAS).flatMap((t) => [`${t}.arrow`, ...(CSV_TABLES.includes(t as never) ? [`${t}.csv`] : [])]);
    expect(tables).toEqual(expected.sort());
  });

  it("copies tables, derived files and science outputs from the world's files of the same name", async () => {
    const world = () => echoWorld();
    expect(text(await produce("flags.csv", world))).toBe("table flags.csv");
    expect(text(await produce("cases.arrow", world))).toBe("table cases.arrow");
    expect(text(await produce("session_qa.arrow", world))).toBe("derived session_qa.arrow");
    expect(text(await produce("science/core_users.arrow", world))).toBe("science core_users.arrow");
  });

  it("runs a named producer on the configured world", async () => {
    const config = JSON.parse(text(await produce("config.json", () => echoWorld())));
    expect(config).toMatchObject({seed: 7, scale: 1, privacy: false, window: {from: "2025-04-02", to: "2025-06-30"}});
    const calendar = tableFromIPC(await produce("calendar.arrow", () => echoWorld()) as Uint8Array);
    expect(calendar.numRows).toBe(dateRange().length);
  });
});

describe("the loaders' one error path", () => {
  it("writes the bytes to stdout and does not exit when the producer succeeds", async () => {
    const {io, out, err, exit} = fakeIo();
    await run("x.json", () => "{}", io);
    expect(out).toEqual(["{}"]);
    expect(err).toEqual([]);
    expect(exit).not.toHaveBeenCalled();
  });

  it("names the failing file and the error, writes nothing to stdout, and exits 1", async () => {
    for (const bytes of [() => { throw new Error("boom"); }, () => Promise.reject(new Error("boom"))]) {
      const {io, out, err, exit} = fakeIo();
      await run("science/model.json", bytes, io);
      expect(out).toEqual([]);
      expect(err).toEqual(["loader science/model.json failed: boom\n"]);
      expect(exit).toHaveBeenCalledWith(1);
    }
  });

  it("reports a producer's failure under the file it was producing", async () => {
    const {io, err, exit} = fakeIo();
    const world = () => echoWorld({table: () => Promise.reject(new Error("the world cache has no file named flags.arrow"))});
    await run("mix_by_category.json", () => produce("mix_by_category.json", world), io);
    expect(err).toEqual(["loader mix_by_category.json failed: the world cache has no file named flags.arrow\n"]);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it("fails, naming the file, for a file the registry does not know", async () => {
    const {io, err, exit} = fakeIo();
    await load("nope.json", io);
    expect(err).toEqual(["loader nope.json failed: data-loaders/_registry.ts has no entry for nope.json\n"]);
    expect(exit).toHaveBeenCalledWith(1);
  });
});

describe("the world cache's modules", () => {
  it("_publish.ts (reads the cache) and _writeWorld.ts (writes it) do not import each other", () => {
    const imports = (name: string) => [...readFileSync(`${LOADERS}/${name}`, "utf8").matchAll(/(?:from|import\()\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(imports("_publish.ts").filter((p) => p.includes("_writeWorld"))).toEqual([]);
    expect(imports("_writeWorld.ts").filter((p) => p.includes("_publish"))).toEqual([]);
  });
});
