import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {parseConfig} from "../src/config.js";
import {reviewIncident, WORLD_INCIDENT} from "../src/incident/reviewIncident.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {publishOptions} from "./_publish.js";

/** Pages whose charts show the incident's window; only those that exist in this build are linked. */
const SEE_ALSO = [
  {link: "./ops/classifier", title: "Classifier health", why: "the classifier's scores and automatic routing over time, across the push and the rollback"},
  {link: "./ops/flags", title: "Flags", why: "daily flags by route and outcome, with the incident's days in them"},
  {link: "./anomalies", title: "Anomalies", why: "daily volumes under live detectors, joined to the world's dated scenarios: whether a volume detector notices the incident's days at all"}
];

/** The postmortem of the world's incident, measured on the published flags. */
try {
  const config = parseConfig(process.env);
  const tables = buildTables(simulate(config), publishOptions());
  const docs = fileURLToPath(new URL("../docs/", import.meta.url));
  const seeAlso = SEE_ALSO.filter((p) => existsSync(`${docs}${p.link.replace(/^\.\//, "")}.md`));
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, seeAlso, ...reviewIncident(tables, WORLD_INCIDENT)}, null, 1));
} catch (error) {
  process.stderr.write(`loader incident.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
