/**
 * Detectors see only what a platform sees. No detector, score or clustering module reads a ground-truth
 * column of the world (true violation, attack, coordination, ring, actor type, template, the benign
 * look-alike table) or imports the simulator; only the evaluation modules listed below, which score a
 * finished output against the truth, may.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
/** Folders whose modules detect, score, cluster or resolve. */
const DETECTOR_FOLDERS = ["src/detect", "src/cluster", "src/science"];

/** Modules that score a finished output against the truth, each with what it evaluates. */
const EVALUATION: Record<string, string> = {
  "src/detect/attackDays.ts": "the true attack days a detector's flagged days are scored against",
  "src/detect/evaluateDays.ts": "precision, recall and F1 of flagged days",
  "src/detect/averagePrecision.ts": "average precision of scores against labels",
  "src/detect/detectionRates.ts": "detection rates against the truth",
  "src/detect/compareSeeds.ts": "the baseline and layered detectors scored over many worlds",
  "src/detect/reliability.ts": "calibration of scores against labels",
  "src/detect/lookalikeFiring.ts": "how often each signal fires on benign look-alike days",
  "src/cluster/purity.ts": "cluster purity against the true template groups",
  "src/cluster/adjustedRand.ts": "agreement of a partition with the true one",
  "src/cluster/summarizeComponents.ts": "entity resolution's finished components against the true rings and actor types",
  "src/science/contracts.ts": "the published tables' schemas, ground-truth columns included",
  "src/science/evaluate.ts": "the science pipeline's scoring of finished outputs",
  "src/science/automationView.ts": "the automation page's finished clusters shown beside each text's true template group",
  "src/detect/attackView.ts": "the attack page's scoring of both detectors' finished flagged days against the true attack days"
};

/** Names of ground-truth columns and fields, in the published tables and in the world's columns. */
const GROUND_TRUTH = /\b(?:is_violation|isViolation|attack_id|attackId|coordinated|ring_id|ringId|ringMembers|actor_type|actorType|template_id|templateId|template_group|truth_template_group|truth_actor_type|benign_events|benignEvents|lookalike_kind)\b/;
/** Simulator modules (the shared vocabularies, calendar and seeded generator are in src/core). */
const SIMULATOR_IMPORT = /from\s+"[./]*(?:lib\/)?world\/[\w/]+\.js"/;

/** Source without comments (lines kept), so that prose may name what code must not read. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, "")).replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** Each line of a module that reads ground truth or imports the simulator, as "line: rule: text". */
export function groundTruthReads(source: string): string[] {
  const found: string[] = [];
  code(source).split("\n").forEach((line, i) => {
    if (GROUND_TRUTH.test(line)) found.push(`${i + 1}: reads ground truth: ${line.trim().slice(0, 100)}`);
    if (SIMULATOR_IMPORT.test(line)) found.push(`${i + 1}: imports the simulator: ${line.trim().slice(0, 100)}`);
  });
  return found;
}

function detectorModules(): string[] {
  return DETECTOR_FOLDERS.flatMap((folder) => readdirSync(join(ROOT, folder)).filter((n) => n.endsWith(".ts")).map((n) => `${folder}/${n}`));
}

describe("ground-truth firewall", () => {
  it("groundTruthReads(source) finds a read of a truth column and a simulator import, not a comment", () => {
    expect(groundTruthReads("const v = flags.filter((f) => f.is_violation);")).toHaveLength(1);
    expect(groundTruthReads('import {TEMPLATES} from "../world/text.js";')).toHaveLength(1);
    expect(groundTruthReads('import type {Rng} from "./random.js";\n// never reads is_violation\n/* nor attack_id */')).toEqual([]);
  });

  it("no detector, score or clustering module reads ground truth; only evaluation modules may", () => {
    const found = detectorModules()
      .filter((path) => !(path in EVALUATION))
      .flatMap((path) => groundTruthReads(readFileSync(join(ROOT, path), "utf8")).map((v) => `${path}:${v}`));
    expect(found).toEqual([]);
  });
});
