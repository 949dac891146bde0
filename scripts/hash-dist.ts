/**
 * Prints a manifest of dist/: one `<sha256>  <path>` line per file, sorted by path. Two builds of
 * the same commit, seed and scale must give the same manifest:
 *
 *     npm run build && npx tsx scripts/hash-dist.ts > /tmp/a
 *     npm run build && npx tsx scripts/hash-dist.ts > /tmp/b && diff /tmp/a /tmp/b
 */
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {listFiles, ROOT} from "./buildSteps.js";

/** sha256 of every file under dir, keyed by its path relative to dir (forward slashes), sorted. */
export function hashDist(dir: string = join(ROOT, "dist")): Map<string, string> {
  const manifest = new Map<string, string>();
  for (const file of listFiles(dir)) {
    manifest.set(file, createHash("sha256").update(readFileSync(join(dir, file))).digest("hex"));
  }
  return manifest;
}

export function formatManifest(manifest: Map<string, string>): string {
  return Array.from(manifest, ([file, hash]) => `${hash}  ${file}\n`).join("");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(formatManifest(hashDist(process.argv[2] ? resolve(process.argv[2]) : undefined)));
}
