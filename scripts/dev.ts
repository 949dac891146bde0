/**
 * `npm run dev`: Framework's preview server with live reload, in the same environment as the build.
 * Extra arguments go to `observable preview` (e.g. `npm run dev -- --port 4321`).
 *
 * The loader cache is cleared first: preview re-runs a loader only when the loader file itself
 * changes, so after an edit to src/ restart the preview to rebuild the data. A page in pages/ is
 * published by its page loader in docs/ (data-loaders/_adaptPage.ts): an edit to it touches the loader,
 * so that preview runs it again and reloads the page.
 */
import {spawn} from "node:child_process";
import {existsSync, utimesSync, watch} from "node:fs";
import {join} from "node:path";
import {parseConfig} from "../src/config.js";
import {frameworkEnv, observableBin, resetCache, ROOT} from "./buildSteps.js";

try {
  parseConfig(process.env);
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(2);
}
resetCache();
const child = spawn(process.execPath, [observableBin(), "preview", ...process.argv.slice(2)], {
  cwd: ROOT,
  env: frameworkEnv(process.env),
  stdio: "inherit"
});
const watcher = watch(join(ROOT, "pages"), {recursive: true}, (_, file) => {
  const loader = file?.endsWith(".md") ? join(ROOT, "docs", `${file}.ts`) : undefined;
  if (loader && existsSync(loader)) utimesSync(loader, new Date(), new Date());
});
child.on("close", () => watcher.close());
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("close", (code) => process.exit(code ?? 0));
