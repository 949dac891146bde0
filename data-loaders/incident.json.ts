import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {parseConfig} from "../src/config.js";
import {incidentViews} from "../src/incident/incidentViews.js";
import type {IncidentReview} from "../src/incident/reviewIncident.js";
import {derivedJson} from "./_publish.js";

/** The postmortem of the world's incident, measured on the published flags. */
try {
  const config = parseConfig(process.env);
  const review = await derivedJson<IncidentReview>(config, "incident.json");
  // Only pages that exist in this build are linked (the ops pages come with their own issue).
  const docs = fileURLToPath(new URL("../docs/", import.meta.url));
  const seeAlso = incidentViews(review).filter((p) => existsSync(`${docs}${p.link.replace(/^\.\//, "")}.md`));
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, seeAlso, ...review}, null, 1));
} catch (error) {
  process.stderr.write(`loader incident.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
