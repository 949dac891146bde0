/**
 * The unit project's global setup: makes the folder in which the worlds that several test files read are
 * kept for one run (see sharedWorlds.ts), provides it to the workers, and removes it after the run.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "workbook-worlds-"));
  project.provide("sharedWorldsDir", dir);
  return () => rmSync(dir, {recursive: true, force: true});
}
