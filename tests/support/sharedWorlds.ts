/**
 * The simulated worlds that several test files read, simulated once per test run instead of once per
 * file. The first file that asks for a world simulates it and its published tables and writes both
 * (node:v8's serializer) to the run's folder from buildSharedWorlds.ts, the unit project's global
 * setup; a file that asks meanwhile waits for it, and later files read it back. Each call returns a
 * fresh copy, so a file cannot change what another sees. Without the global setup the world is
 * simulated in place: the same result, only slower.
 */
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {deserialize, serialize} from "node:v8";
import {inject} from "vitest";
import {simulate, type World, type WorldOptions} from "../../src/world/simulate.js";
import {buildTables} from "../../src/world/tables.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder in which this run keeps the shared worlds. */
    sharedWorldsDir: string;
  }
}

export type Tables = ReturnType<typeof buildTables>;

/** A lock older than this was left by a worker that died: it is broken. */
const STALE_LOCK_MS = 15 * 60_000;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function write(file: string, value: unknown): void {
  writeFileSync(`${file}.part`, serialize(value));
  renameSync(`${file}.part`, file);
}

/** The world's and the tables' files in the run's folder, simulating and writing them if no file did yet. */
function sharedFiles(options: WorldOptions): {world: string; tables: string} | null {
  const dir = inject("sharedWorldsDir");
  if (!dir) return null;
  const stem = join(dir, `seed${options.seed}-scale${options.scale}`);
  const files = {world: `${stem}.world.v8`, tables: `${stem}.tables.v8`};
  for (;;) {
    if (existsSync(files.tables)) return files;
    try {
      mkdirSync(`${stem}.lock`);
    } catch {
      const lockedAt = statSync(`${stem}.lock`, {throwIfNoEntry: false})?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > STALE_LOCK_MS) rmSync(`${stem}.lock`, {recursive: true, force: true});
      pause(200);
      continue;
    }
    try {
      if (!existsSync(files.tables)) {
        const world = simulate(options);
        write(files.world, world);
        write(files.tables, buildTables(world));
      }
    } finally {
      rmSync(`${stem}.lock`, {recursive: true, force: true});
    }
  }
}

/** `simulate(options)`, from the run's shared copy. */
export function sharedWorld(options: WorldOptions): World {
  const files = sharedFiles(options);
  return files ? (deserialize(readFileSync(files.world)) as World) : simulate(options);
}

/** `buildTables(simulate(options))`, from the run's shared copy. */
export function sharedTables(options: WorldOptions): Tables {
  const files = sharedFiles(options);
  return files ? (deserialize(readFileSync(files.tables)) as Tables) : buildTables(simulate(options));
}
