import {formatChange, formatNumber, formatPercent, formatPp, NONE} from "../core/format.js";
import type {Comparison} from "../stats/compareEstimates.js";
import type {SampleRatio} from "../stats/sampleRatioTest.js";
import type {CapOutcome} from "./capWhatIf.js";
import type {ArmSummary, ExperimentReadout} from "./readExperiment.js";

/** The experiment readout page's rows and phrases (pages/experiment.md), from the readout the loader builds. */

/** "95% CI −40.1% to −12.3%": a comparison's relative interval at the readout's confidence. */
export function relativeCiText(cmp: Pick<Comparison, "relativeLower" | "relativeUpper">, confidence: number): string {
  return `${formatPercent(confidence, 0)} CI ${formatChange(cmp.relativeLower)} to ${formatChange(cmp.relativeUpper)}`;
}

/** A p-value after "p": "< 0.001", "= 0.042", or a dash when there is none. */
export function pValueText(p: number | null): string {
  return p === null || !Number.isFinite(p) ? formatNumber(p) : p < 0.001 ? "< 0.001" : `= ${formatNumber(p, 3)}`;
}

/** The designed split of units, treatment first: "50/50". */
export function designText(sampleRatio: Pick<SampleRatio, "expected">): string {
  return `${formatNumber(100 * sampleRatio.expected, 0)}/${formatNumber(100 * (1 - sampleRatio.expected), 0)}`;
}

/** The sample table: each arm's randomisation units, rings and accounts by kind, and how many hit the cap. */
export function sampleRows(arms: readonly ArmSummary[]) {
  return arms.map((a) => {
    const benign = a.byActor.benign ?? 0;
    const ring = a.byActor.ring_member ?? 0;
    return {arm: a.arm, clusters: a.clusters, rings: a.rings, units: a.units, benign, ring, other: a.units - benign - ring, population: a.population, capped: a.cappedUnits};
  });
}

/** The forest plot's rows: the primary metric, the secondary ones (the ring-only row when it has an interval) and the volume guardrail with its margin. */
export function forestRows(x: Pick<ExperimentReadout, "harm" | "harmPerDay" | "ringHarmPerDay" | "benignVolume" | "rule">) {
  const row = (metric: string, c: Comparison, role: "primary" | "secondary" | "guardrail") => ({metric, relative: c.relative, lower: c.relativeLower, upper: c.relativeUpper, role});
  return [
    row("Abusive message share (primary)", x.harm, "primary"),
    row("Abusive messages per new account-day", x.harmPerDay, "secondary"),
    ...(Number.isFinite(x.ringHarmPerDay.relativeLower) ? [row("Ring accounts only, abusive messages per day", x.ringHarmPerDay, "secondary")] : []),
    {...row("Ordinary accounts' messages per day (guardrail)", x.benignVolume, "guardrail"), margin: -x.rule.maxVolumeLoss}
  ];
}

/** Each metric's interval with clusters as units (used) and as if accounts were independent, as text. */
export function clusterRows(x: {harm: Comparison; harmPerDay: Comparison; ringHarmPerDay: Comparison; perAccount: ExperimentReadout["perAccount"]}) {
  const metrics: [string, Comparison, Comparison, (v: number) => string][] = [
    ["Abusive message share", x.harm, x.perAccount.harm, (v) => formatPp(v, 2)],
    ["Abusive messages per new account-day", x.harmPerDay, x.perAccount.harmPerDay, (v) => formatNumber(v, 2)],
    ["Ring accounts only, per account-day", x.ringHarmPerDay, x.perAccount.ringHarmPerDay, (v) => formatNumber(v, 2)]
  ];
  return metrics.map(([metric, cluster, account, f]) => ({
    metric,
    difference: f(cluster.difference),
    cluster: Number.isFinite(cluster.lower) ? `${f(cluster.lower)} to ${f(cluster.upper)}` : "no interval (under two rings an arm)",
    account: Number.isFinite(account.lower) ? `${f(account.lower)} to ${f(account.upper)}` : NONE
  }));
}

/** The replayed outcome of a daily cap (the what-if's row for it). */
export function capAt(caps: readonly CapOutcome[], cap: number): CapOutcome | undefined {
  return caps.find((d) => d.cap === cap);
}

/** The cap the what-if recommends for the next test: "3 a day", or none within the replayed caps. */
export function recommendedCapText(recommended: Pick<CapOutcome, "cap"> | null, caps: number): string {
  return recommended ? `${recommended.cap} a day` : `none up to ${caps} a day`;
}

/** Whether a replayed cap keeps within the friction guardrail. */
export function capGuardrailText(at: Pick<CapOutcome, "ordinaryStopped">, maxFriction: number): string {
  return at.ordinaryStopped <= maxFriction ? "Within the friction guardrail." : "Over the friction guardrail.";
}
