/**
 * A platform that supplies only its flags, the one table the import contract requires: seed 7's flags
 * exported, read as a folder import, written into a world cache, and every published file produced from
 * it. Nothing stops the build; what the flags cannot give is published empty or null, and
 * data_quality.json lists the columns that would give it, for the pages to say so (the page loaders of
 * data-loaders/_adaptPage.ts and the sections' needs).
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseConfig, parsePrivacy} from "../../../src/config.js";
import {exportFiles} from "../../../src/io/import/exportTables.js";
import {ACTIVITY_NEED, DSA_NEED, EVENT_LOG_NEED, SESSIONS_NEED, SHIFT_NEED, TEXT_NEED} from "../../../src/io/import/needs.js";
import {produce, REGISTRY} from "../../../data-loaders/_registry.js";
import {writeWorld} from "../../../data-loaders/_writeWorld.js";
import type {World} from "../../../data-loaders/_worldFiles.js";
import {sharedTables} from "../../support/sharedWorlds.js";

/** The detectors over simulated seeds 1 to 20: it reads no import (and takes a minute), so it is left out here. */
const SIMULATED_ONLY = "attack_seeds.json";

describe("an import of flags alone", () => {
  const tables = sharedTables({seed: 7, scale: 1});
  const dir = mkdtempSync(join(tmpdir(), "workbook-flags-only-"));
  const cache = join(dir, "world");
  const produced = new Map<string, string | Uint8Array>();
  const failed: string[] = [];
  const text = (file: string) => {
    const bytes = produced.get(file)!;
    return typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("utf8");
  };
  const rows = (file: string) => tableFromIPC(produced.get(file) as Uint8Array).numRows;

  beforeAll(async () => {
    const data = join(dir, "data");
    mkdirSync(data);
    writeFileSync(join(data, "flags.csv"), exportFiles(tables, {seed: 7, scale: 1})["flags.csv"]);
    const config = parseConfig({});
    await writeWorld(config, {}, cache, {source: {kind: "files", dir: data}, rejects: "stop"});
    const read = async (name: string) => readFileSync(join(cache, name));
    const world: World = {config, privacy: parsePrivacy({}), table: (name, format = "arrow") => read(`${name}.${format}`), derived: read, science: (file) => read(`science/${file}`)};
    for (const file of Object.keys(REGISTRY)) {
      if (file === SIMULATED_ONLY) continue;
      try {
        produced.set(file, await produce(file, () => world));
      } catch (error) {
        failed.push(`${file}: ${(error as Error).message}`);
      }
    }
  }, 300_000);
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("produces every published file", () => {
    expect(failed).toEqual([]);
    expect(produced.size).toBe(Object.keys(REGISTRY).length - 1);
  });

  it("reads every flag, and lists as absent the columns of every table it lacks, those the pages' needs name among them", () => {
    const quality = JSON.parse(text("data_quality.json"));
    expect(quality.tables.map((t: {table: string; read: number; accepted: number}) => [t.table, t.read, t.accepted])).toEqual([["flags", tables.flags.flag_id.length, tables.flags.flag_id.length]]);
    for (const need of [EVENT_LOG_NEED, SESSIONS_NEED, SHIFT_NEED, TEXT_NEED, ACTIVITY_NEED, DSA_NEED]) expect(quality.absent).toEqual(expect.arrayContaining([...need.columns]));
    expect(rows("flags.arrow")).toBe(tables.flags.flag_id.length);
  });

  it("publishes the tables the flags cannot give with no rows: sessions, the roster, texts, the event log", () => {
    for (const file of ["moderator_sessions.arrow", "session_items.arrow", "idle_periods.arrow", "reviewers.arrow", "reviewer_days.arrow", "queue_hours.arrow", "snippets.arrow", "events.arrow", "users.arrow", "cohort.arrow", "dsa_flags.arrow"]) expect({file, rows: rows(file)}).toEqual({file, rows: 0});
    expect(rows("flag_mix.arrow")).toBeGreaterThan(0);
    expect(rows("backlog_days.arrow")).toBeGreaterThan(0);
  });

  it("publishes no result that needs the event log, the DSA decisions or the roster: null files, empty statements, and a staffing section that says what it needs", () => {
    for (const file of ["science/summary.json", "science/model.json", "investigation.json", "experiment.json", "transparency.json"]) expect({file, text: text(file)}).toEqual({file, text: "null"});
    expect(rows("science/scored_user_day.arrow")).toBe(0);
    expect(text("statements_of_reasons.ndjson")).toBe("");
    expect(text("dsa_report.csv").trim()).toBe("section,item,value,basis");
    const weekly = JSON.parse(text("weekly_summary.json"));
    const staffing = weekly.sections.find((s: {id: string}) => s.id === "staffing");
    expect(staffing.items).toEqual([expect.stringMatching(/^No recommendation: it needs the reviewers' shifts \(reviewers\.shift_start_hour, /)]);
  });
});
