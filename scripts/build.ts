/**
 * `npm run build`: builds the site into dist/ from a clean slate, reproducibly.
 *
 * 1. Validates WORKBOOK_SEED, WORKBOOK_SCALE, the reporting window (WORKBOOK_FROM, WORKBOOK_TO), the
 *    source (WORKBOOK_DATA or WORKBOOK_DATABASE_URL with WORKBOOK_SCHEMA), WORKBOOK_REJECTS and privacy
 *    mode (which a build from imported data must set explicitly) before anything runs.
 * 2. Deletes Framework's cache and dist/, so that no stale loader output is published.
 * 3. Runs `observable build` in UTC and the C locale, telemetry off, with the environment passed on.
 * 4. Stamps the loader-output mtimes that Framework embeds in pages with a fixed time.
 * 5. Fails if a built page ships an error or a broken local link (Framework builds both with exit 0).
 *
 * Every failure exits non-zero with a one-line `error: ...` message naming what is at fault.
 */
import {spawn} from "node:child_process";
import {existsSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {describeSource, parseConfig, parseImportPrivacy, parseRejects, parseSource} from "../src/config.js";
import {
  describeFailure,
  frameworkEnv,
  listFiles,
  observableBin,
  PAGE_BUDGET_BYTES,
  resetCache,
  ROOT,
  scanBudget,
  scanDist,
  scanLinks,
  sourceDateMs,
  stampDist
} from "./buildSteps.js";

const DIST = join(ROOT, "dist");

function fail(message: string, code = 1): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

/** Runs a command with its output passed through, and keeps the output for the failure message. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{code: number; output: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"]});
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
    };
    child.stdout.on("data", (chunk: Buffer) => (process.stdout.write(chunk), keep(chunk)));
    child.stderr.on("data", (chunk: Buffer) => (process.stderr.write(chunk), keep(chunk)));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({code: code ?? (signal ? 128 : 1), output}));
  });
}

async function main(): Promise<void> {
  let config;
  let stamp;
  let privacy = false;
  let source;
  let rejects;
  try {
    config = parseConfig(process.env);
    source = parseSource(process.env, (path) => existsSync(path) && statSync(path).isDirectory());
    rejects = parseRejects(process.env);
    privacy = parseImportPrivacy(process.env, source).enabled;
    stamp = sourceDateMs(process.env);
  } catch (error) {
    fail((error as Error).message, 2);
  }
  const from = source.kind === "simulation" ? `seed ${config.seed}, scale ${config.scale}` : `${describeSource(source)} (rejected rows: ${rejects})`;
  console.log(`workbook: ${from}, reporting window ${config.from} to ${config.to}${privacy ? ", privacy mode (pseudonymised identifiers, suppressed small cells)" : ""}`);

  resetCache();
  rmSync(DIST, {recursive: true, force: true});

  const {code, output} = await run(process.execPath, [observableBin(), "build"], frameworkEnv(process.env));
  if (code !== 0) fail(`observable build failed (exit ${code}): ${describeFailure(output)}`);

  if (!existsSync(join(DIST, "index.html"))) fail("observable build wrote no dist/index.html");
  const stamped = stampDist(DIST, stamp);

  const errors = scanDist(DIST);
  const links = scanLinks(DIST);
  for (const {page, message} of [...errors.slice(1), ...links.slice(errors.length ? 0 : 1)]) {
    process.stderr.write(`error: dist/${page}: ${message}\n`);
  }
  if (errors.length > 0) fail(`dist/${errors[0].page} ships a build error: ${errors[0].message}`);
  if (links.length > 0) fail(`dist/${links[0].page} has a ${links[0].message}`);

  // The budget holds at the default scale; larger worlds are for deliberate, heavier publications.
  const {over} = scanBudget(DIST);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (config.scale <= 1 && over.length > 0) {
    for (const w of over) process.stderr.write(`error: dist/${w.page} loads ${mb(w.dataBytes)} of data and ${mb(w.importBytes)} of modules\n`);
    fail(`dist/${over[0].page} is over the ${mb(PAGE_BUDGET_BYTES)} page budget (data ${mb(over[0].dataBytes)} + modules ${mb(over[0].importBytes)})`);
  }

  const pages = listFiles(DIST).filter((f) => f.endsWith(".html") && f !== "404.html");
  const heaviest = scanBudget(DIST).weights.sort((a, b) => b.dataBytes + b.importBytes - a.dataBytes - a.importBytes)[0];
  if (heaviest) console.log(`workbook: heaviest page ${heaviest.page}: ${((heaviest.dataBytes + heaviest.importBytes) / 1024 / 1024).toFixed(1)} MB of data and modules (budget ${PAGE_BUDGET_BYTES / 1024 / 1024} MB)`);
  console.log(
    `workbook: built ${pages.length} page${pages.length === 1 ? "" : "s"} into dist/ ` +
      `(${stamped} file mtime${stamped === 1 ? "" : "s"} stamped ${new Date(stamp).toISOString()})`
  );
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
