import type {QueryRunner, QuerySpec} from "../investigate/queries.js";
import {formatChange, formatNumber, formatPercent, formatPp} from "../core/format.js";
import {compareEstimates, type Comparison} from "../stats/compareEstimates.js";
import {achievedPower, minimumDetectableEffect, sampleSizeFactor} from "../stats/power.js";
import {ratioEstimate, type RatioEstimate} from "../stats/ratioEstimate.js";
import {sampleRatioTest, type SampleRatio} from "../stats/sampleRatioTest.js";
import {decideShip, DEFAULT_SHIP_RULE, type ShipDecision, type ShipRule} from "./decideShip.js";
import {RATE_LIMIT_PER_DAY} from "../core/constants.js";
import {EXPERIMENT} from "../core/scenarios.js";
import {capWhatIf, tightestSafeCap, type AccountDay, type CapOutcome} from "./capWhatIf.js";
import {clusterUnits} from "./clusterUnits.js";
import {controlUserDaysQuery, experimentDailyQuery, experimentUnitsQuery, type ExperimentWindow} from "./queries.js";

/**
 * The readout of the new-account message rate limit (the world's EXP-7): harm prevalence with a 95%
 * confidence interval, guardrails on ordinary (benign) new accounts, power and minimum detectable
 * effects, a sample-ratio check, and the ship decision by the stated rule. Rings are randomised as a
 * whole (cluster randomisation, src/world/events.ts experimentUnit); every estimate is weighted back to
 * the population (the cohort over-samples rings and new accounts), and ratio metrics get linearization
 * standard errors over clusters (a ring, or an account outside rings), not accounts or messages. The
 * per-account errors are kept beside them, to show what ignoring the clusters would claim.
 */

export interface ExperimentOptions extends ExperimentWindow {
  id: string;
  /** Messages a new account may send per day in the treatment arm (what is being tested). */
  dailyCap: number;
  confidence?: number;
  /** For power and MDE. */
  alpha?: number;
  power?: number;
  rule?: ShipRule;
}

/** The world's experiment (scenarios.ts EXPERIMENT, with events.ts' daily cap), read with a 28-day drop-off window. */
export const WORLD_EXPERIMENT: ExperimentOptions = {
  id: EXPERIMENT.id,
  start: EXPERIMENT.start,
  end: EXPERIMENT.end,
  newAccountDays: EXPERIMENT.newAccountDays,
  followUpDays: 28,
  dailyCap: RATE_LIMIT_PER_DAY
};

export interface ArmSummary {
  arm: "control" | "treatment";
  units: number;
  /** Randomisation units: rings (all their new accounts together) and accounts outside rings. */
  clusters: number;
  rings: number;
  /** Units by ground-truth actor type. */
  byActor: Record<string, number>;
  /** Population the units stand for. */
  population: number;
  harm: RatioEstimate;
  harmPerDay: RatioEstimate;
  benignUnits: number;
  benignVolume: RatioEstimate;
  benignDropOff: RatioEstimate;
  /** Weighted messages the cap stopped, all accounts and ordinary ones. */
  rateLimited: number;
  benignRateLimited: number;
  /** Weighted messages delivered by ordinary new accounts. */
  benignMessages: number;
  /** Ordinary new accounts that hit the cap at least once (weighted share). */
  benignCappedShare: number;
  /** Cohort accounts that hit the cap at least once. */
  cappedUnits: number;
}

export interface PowerRow {
  metric: string;
  /** "share" for proportions (MDE in percentage points), else the metric's unit. */
  unit: "share" | "messages per account-day";
  /** Minimum detectable effect at the test's size (absolute, in the metric's unit). */
  mde: number;
  /** The same relative to control. */
  mdeRelative: number;
  observed: number;
  /** Power to detect the observed effect (or the guardrail margin) at this size. */
  power: number;
  /** Times the current sample needed for 80% power on the observed effect or margin. */
  sampleFactor: number;
  basis: string;
}

export interface DailyRow {
  day: string;
  arm: "control" | "treatment";
  messages: number;
  abusiveMessages: number;
  harm: number;
  inTest: boolean;
}

export interface ExperimentReadout {
  id: string;
  window: ExperimentWindow;
  dailyCap: number;
  confidence: number;
  /** Significance level and target power of the power and MDE table. */
  alpha: number;
  targetPower: number;
  rule: ShipRule;
  arms: {control: ArmSummary; treatment: ArmSummary};
  sampleRatio: SampleRatio;
  harm: Comparison;
  harmPerDay: Comparison;
  benignVolume: Comparison;
  dropOff: Comparison;
  /** Share of ordinary new accounts' attempted messages stopped by the cap (treatment; exact, from cohort.rate_limited). */
  benignFriction: number;
  /** Share of all capped messages that came from ring, spammer, scammer or harasser accounts (weighted). */
  abusiveShareOfCapped: number;
  power: PowerRow[];
  decision: ShipDecision;
  units: {arm: string; actorType: string; weight: number; messages: number; abusiveMessages: number; rateLimited: number; newDays: number; droppedOff: boolean}[];
  daily: DailyRow[];
  /** Ring accounts alone (weight 1, fully sampled): abusive messages per account-day, treatment vs control; standard errors over rings. */
  ringHarmPerDay: Comparison & {controlUnits: number; treatmentUnits: number; controlRings: number; treatmentRings: number};
  /** The same comparisons with standard errors over accounts, as if the accounts of a ring were independent. */
  perAccount: {harm: Comparison; harmPerDay: Comparison; ringHarmPerDay: Comparison};
  /** Caps replayed on the control arm's uncapped account-days, and the tightest one within the friction guardrail. */
  caps: CapOutcome[];
  recommendedCap: CapOutcome | null;
  queries: (QuerySpec & {rows: Record<string, unknown>[]})[];
  findings: string[];
}

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/** One cohort account new during the test, as experimentUnitsQuery returns it. */
interface Unit {
  arm: string;
  cluster: string;
  stratum: string;
  actorType: string;
  weight: number;
  newDays: number;
  messages: number;
  abusiveMessages: number;
  policyBlocks: number;
  rateLimited: number;
  droppedOff: boolean;
}

type Ask = (spec: QuerySpec) => Promise<Record<string, unknown>[]>;

/**
 * Reads the experiment with the queries of ./queries.ts: the arms, their comparisons, power, the ship
 * decision, ring accounts alone, errors as if accounts were independent, and caps replayed on control;
 * then the findings in words (narrateExperiment). Every query run is kept with its rows.
 */
export async function readExperiment(run: QueryRunner, options: ExperimentOptions): Promise<ExperimentReadout> {
  const {dailyCap, confidence = 0.95, alpha = 0.05, power = 0.8, rule = DEFAULT_SHIP_RULE} = options;
  if (!(Number.isInteger(dailyCap) && dailyCap > 0)) throw new Error(`invalid daily cap: ${dailyCap}`);
  const window: ExperimentWindow = {start: options.start, end: options.end, newAccountDays: options.newAccountDays, followUpDays: options.followUpDays};
  const queries: ExperimentReadout["queries"] = [];
  const ask: Ask = async (spec) => {
    const rows = await run(spec.sql);
    queries.push({...spec, rows});
    return rows;
  };
  const units = await readUnits(ask, window, options.id);
  const arms = {control: summariseArm(units, "control"), treatment: summariseArm(units, "treatment")};
  const comparisons = compareArms(arms, confidence, rule);
  const daily = await readDaily(ask, window);
  const {ringHarmPerDay, perAccount} = clusterComparisons(units, confidence);
  const caps = capWhatIf(await readControlDays(ask, window), Array.from({length: 40}, (_, i) => i + 1));
  const {decision, ...compared} = comparisons;
  // In the published order of experiment.json's keys.
  const readout = {
    id: options.id, window, dailyCap, confidence, alpha, targetPower: power, rule, arms,
    ...compared,
    power: powerTable(arms, comparisons, rule, {alpha, power}),
    decision,
    units: units.map(({arm, actorType, weight, messages, abusiveMessages, rateLimited, newDays, droppedOff}) => ({arm, actorType, weight, messages, abusiveMessages, rateLimited, newDays, droppedOff})),
    daily, ringHarmPerDay, perAccount, caps,
    recommendedCap: tightestSafeCap(caps, rule.maxBenignFriction),
    queries
  };
  return {...readout, findings: narrateExperiment(readout)};
}

async function readUnits(ask: Ask, window: ExperimentWindow, id: string): Promise<Unit[]> {
  const units = (await ask(experimentUnitsQuery(window))).map((r) => ({
    arm: str(r.arm),
    cluster: str(r.cluster),
    stratum: str(r.stratum),
    actorType: str(r.actor_type),
    weight: num(r.weight),
    newDays: num(r.new_days),
    messages: num(r.messages),
    abusiveMessages: num(r.abusive_messages),
    policyBlocks: num(r.policy_blocks),
    rateLimited: num(r.rate_limited),
    droppedOff: Boolean(r.dropped_off)
  }));
  if (units.length === 0) throw new Error(`experiment ${id}: no account was new between ${window.start} and ${window.end}`);
  return units;
}

/** A ratio estimate over units, with standard errors over clusters (default) or over accounts. */
function ratio(list: readonly Unit[], y: (u: Unit) => number, x: (u: Unit) => number, {byCluster = true, weighted = true} = {}): RatioEstimate {
  const rows = list.map((u) => ({cluster: u.cluster, y: y(u), x: x(u), w: weighted ? u.weight : 1}));
  return ratioEstimate(byCluster ? clusterUnits(rows) : rows);
}

function summariseArm(units: readonly Unit[], arm: "control" | "treatment"): ArmSummary {
  const rows = units.filter((u) => u.arm === arm);
  const benign = rows.filter((u) => u.actorType === "benign");
  const total = (list: readonly Unit[], f: (u: Unit) => number) => list.reduce((a, u) => a + u.weight * f(u), 0);
  const byActor: Record<string, number> = {};
  for (const u of rows) byActor[u.actorType] = (byActor[u.actorType] ?? 0) + 1;
  return {
    arm,
    units: rows.length,
    clusters: new Set(rows.map((u) => u.cluster)).size,
    rings: new Set(rows.filter((u) => u.actorType === "ring_member").map((u) => u.cluster)).size,
    byActor,
    population: total(rows, () => 1),
    harm: ratio(rows, (u) => u.abusiveMessages, (u) => u.messages),
    harmPerDay: ratio(rows, (u) => u.abusiveMessages, (u) => u.newDays),
    benignUnits: benign.length,
    benignVolume: ratio(benign, (u) => u.messages, (u) => u.newDays),
    benignDropOff: ratio(benign, (u) => (u.droppedOff ? 1 : 0), () => 1),
    rateLimited: total(rows, (u) => u.rateLimited),
    benignRateLimited: total(benign, (u) => u.rateLimited),
    benignMessages: total(benign, (u) => u.messages),
    benignCappedShare: total(benign, (u) => (u.rateLimited > 0 ? 1 : 0)) / Math.max(1e-9, total(benign, () => 1)),
    cappedUnits: rows.filter((u) => u.rateLimited > 0).length
  };
}

type Arms = ExperimentReadout["arms"];
type Comparisons = Pick<ExperimentReadout, "sampleRatio" | "harm" | "harmPerDay" | "benignVolume" | "dropOff" | "benignFriction" | "abusiveShareOfCapped" | "decision">;

/** Treatment against control on each metric, the cap's friction, the sample-ratio check and the ship decision. */
function compareArms({control, treatment}: Arms, confidence: number, rule: ShipRule): Comparisons {
  const compare = (key: "harm" | "harmPerDay" | "benignVolume" | "benignDropOff") => compareEstimates(treatment[key], control[key], {confidence});
  const harm = compare("harm");
  const harmPerDay = compare("harmPerDay");
  const benignVolume = compare("benignVolume");
  const dropOff = compare("benignDropOff");
  const benignFriction = treatment.benignRateLimited / Math.max(1e-9, treatment.benignRateLimited + treatment.benignMessages);
  const abusiveShareOfCapped = treatment.rateLimited > 0 ? 1 - treatment.benignRateLimited / treatment.rateLimited : NaN;
  // Over the randomisation units: a ring's accounts share one draw, so counting accounts would see a
  // mismatch whenever a large ring lands in one arm.
  const sampleRatio = sampleRatioTest(treatment.clusters, control.clusters);
  const decision = decideShip({harm, benignFriction, benignVolume, dropOff}, rule);
  return {sampleRatio, harm, harmPerDay, benignVolume, dropOff, benignFriction, abusiveShareOfCapped, decision};
}

/** Minimum detectable effects and power of each metric: on the observed effect, or on the guardrail's margin. */
function powerTable({control}: Arms, c: Comparisons, rule: ShipRule, {alpha, power}: {alpha: number; power: number}): PowerRow[] {
  const row = (metric: string, unit: PowerRow["unit"], cmp: Comparison, base: number, target: number, basis: string): PowerRow => {
    const mde = minimumDetectableEffect(cmp.se, {alpha, power});
    return {metric, unit, mde, mdeRelative: mde / base, observed: cmp.difference, power: achievedPower(target, cmp.se, {alpha}), sampleFactor: sampleSizeFactor(target, cmp.se, {alpha, power}), basis};
  };
  return [
    row("Abusive message share (new accounts' messages)", "share", c.harm, control.harm.estimate, c.harm.difference, "observed effect"),
    row("Abusive messages per new account-day", "messages per account-day", c.harmPerDay, control.harmPerDay.estimate, c.harmPerDay.difference, "observed effect"),
    row("Messages per ordinary new account-day", "messages per account-day", c.benignVolume, control.benignVolume.estimate, rule.maxVolumeLoss * control.benignVolume.estimate, `guardrail margin (${formatPercent(rule.maxVolumeLoss, 0)})`),
    row("Drop-off of ordinary new accounts", "share", c.dropOff, control.benignDropOff.estimate, rule.maxDropOffIncrease, `guardrail margin (${formatPp(rule.maxDropOffIncrease, 0)})`)
  ];
}

async function readDaily(ask: Ask, window: ExperimentWindow): Promise<DailyRow[]> {
  return (await ask(experimentDailyQuery(window))).map((r) => {
    const messages = num(r.messages) || 0;
    const abusive = num(r.abusive_messages) || 0;
    const day = str(r.day);
    return {day, arm: str(r.arm) as DailyRow["arm"], messages, abusiveMessages: abusive, harm: messages > 0 ? abusive / messages : NaN, inTest: day >= window.start && day <= window.end};
  });
}

/** Ring accounts alone (errors over rings), and the main comparisons with errors over accounts, as if a ring's accounts were independent. */
function clusterComparisons(units: readonly Unit[], confidence: number): Pick<ExperimentReadout, "ringHarmPerDay" | "perAccount"> {
  const ringUnits = (arm: string) => units.filter((u) => u.arm === arm && u.actorType === "ring_member");
  const ringEstimate = (arm: string, byCluster = true) => ratio(ringUnits(arm), (u) => u.abusiveMessages, (u) => u.newDays, {byCluster, weighted: false});
  const ringsIn = (arm: string) => new Set(ringUnits(arm).map((u) => u.cluster)).size;
  const ringHarmPerDay = {...compareEstimates(ringEstimate("treatment"), ringEstimate("control"), {confidence}), controlUnits: ringUnits("control").length, treatmentUnits: ringUnits("treatment").length, controlRings: ringsIn("control"), treatmentRings: ringsIn("treatment")};
  const perArm = (arm: string, y: (u: Unit) => number, x: (u: Unit) => number) => ratio(units.filter((u) => u.arm === arm), y, x, {byCluster: false});
  const perAccount = {
    harm: compareEstimates(perArm("treatment", (u) => u.abusiveMessages, (u) => u.messages), perArm("control", (u) => u.abusiveMessages, (u) => u.messages), {confidence}),
    harmPerDay: compareEstimates(perArm("treatment", (u) => u.abusiveMessages, (u) => u.newDays), perArm("control", (u) => u.abusiveMessages, (u) => u.newDays), {confidence}),
    ringHarmPerDay: compareEstimates(ringEstimate("treatment", false), ringEstimate("control", false), {confidence})
  };
  return {ringHarmPerDay, perAccount};
}

async function readControlDays(ask: Ask, window: ExperimentWindow): Promise<AccountDay[]> {
  return (await ask(controlUserDaysQuery(window))).map((r) => ({ordinary: Boolean(r.ordinary), weight: num(r.weight), attempted: num(r.attempted)}));
}

/** The readout's findings, in words, from its numbers. */
export function narrateExperiment(r: Omit<ExperimentReadout, "findings">): string[] {
  const {id, window, dailyCap, rule, arms: {control, treatment}, sampleRatio, harm, benignVolume, dropOff, benignFriction, abusiveShareOfCapped, decision, caps, recommendedCap} = r;
  const findings = [
    `${control.units + treatment.units} accounts were new during ${id} (${window.start} to ${window.end}): ${control.units} in control and ${treatment.units} in treatment, from ${control.clusters} and ${treatment.clusters} randomisation units (sample-ratio check on the units p = ${formatNumber(sampleRatio.p, 2)}${sampleRatio.p < 0.01 ? ": the split is off, distrust the readout" : ": consistent with 50/50"}).`,
    `The abusive share of new accounts' messages was ${formatPercent(control.harm.estimate)} in control and ${formatPercent(treatment.harm.estimate)} in treatment: ${formatPp(harm.difference, 2)} (95% CI ${formatPp(harm.lower, 2)} to ${formatPp(harm.upper, 2)}), a relative change of ${formatChange(harm.relative)} (95% CI ${formatChange(harm.relativeLower)} to ${formatChange(harm.relativeUpper)}); ${harm.relativeUpper < 0 ? "a significant reduction" : harm.relativeLower > 0 ? "a significant increase" : "not significant: the interval includes no change, so this is no reason to act"}.`,
    `The cap stopped ${formatPercent(benignFriction)} of ordinary new accounts' messages (${formatPercent(treatment.benignCappedShare, 0)} of them hit it at least once); ${formatPercent(abusiveShareOfCapped, 0)} of all capped messages came from abusive accounts.`,
    `Ordinary new accounts sent ${formatChange(benignVolume.relative)} messages per day (95% CI ${formatChange(benignVolume.relativeLower)} to ${formatChange(benignVolume.relativeUpper)}); their drop-off moved ${formatPp(dropOff.difference)} (95% CI ${formatPp(dropOff.lower)} to ${formatPp(dropOff.upper)}).`,
    `Decision by the stated rule: ${decision.decision.toUpperCase()}. ${decision.reason}`
  ];
  findings.push(clusterText({control, treatment, harm, perAccountHarm: r.perAccount.harm}));
  findings.push(ringText(r.ringHarmPerDay));
  const tested = caps.find((c) => c.cap === dailyCap);
  if (tested) findings.push(`Replayed on the control arm, a cap of ${dailyCap} a day stops ${formatPercent(tested.ordinaryStopped)} of ordinary and ${formatPercent(tested.abusiveStopped)} of abusive accounts' messages.${recommendedCap ? ` The tightest cap within the ${formatPercent(rule.maxBenignFriction, 0)} friction guardrail is ${recommendedCap.cap} a day: it would stop ${formatPercent(recommendedCap.ordinaryStopped)} of ordinary and ${formatPercent(recommendedCap.abusiveStopped)} of abusive messages.` : ` No cap up to ${caps[caps.length - 1].cap} a day stays within the ${formatPercent(rule.maxBenignFriction, 0)} friction guardrail.`}`);
  const dropPower = r.power[3];
  if (decision.criteria.some((c) => c.status === "inconclusive")) findings.push(`The smallest drop-off change this test could detect is ${formatPp(dropPower.mde)}; bounding it within the margin needs about ${Number.isFinite(dropPower.sampleFactor) ? `${formatNumber(dropPower.sampleFactor, 1)}×` : "many times"} the sample, i.e. a longer test or a larger cohort.`);
  return findings;
}

/** One sentence on the randomisation units and what counting accounts instead of clusters would claim. */
export function clusterText({control, treatment, harm, perAccountHarm}: {control: ArmSummary; treatment: ArmSummary; harm: Comparison; perAccountHarm: Comparison}): string {
  const half = (c: Comparison) => formatPp((c.upper - c.lower) / 2, 2).replace(/^\+/, "±");
  return `Rings were randomised as a whole: ${control.clusters + treatment.clusters} units (${control.rings + treatment.rings} ring${control.rings + treatment.rings === 1 ? "" : "s"} and ${control.clusters + treatment.clusters - control.rings - treatment.rings} accounts outside rings) for ${control.units + treatment.units} accounts. Standard errors count those units: the abusive-share interval is ${half(harm)} wide either side, against ${half(perAccountHarm)} if every account were independent.`;
}

/** One sentence on ring accounts alone: an interval needs at least two rings in each arm. */
export function ringText(r: ExperimentReadout["ringHarmPerDay"]): string {
  const rings = (n: number) => `${n} ring${n === 1 ? "" : "s"}`;
  const sizes = `${rings(r.controlRings)} in control and ${rings(r.treatmentRings)} in treatment, ${r.controlUnits} and ${r.treatmentUnits} accounts`;
  if (r.controlRings === 0 || r.treatmentRings === 0) return `Ring accounts alone cannot be compared: ${sizes}.`;
  if (!Number.isFinite(r.se)) return `Ring accounts alone: ${formatChange(r.relative)} abusive messages per account-day (${sizes}); with fewer than two rings in an arm there is no interval, and the difference is as much between the rings as the cap's.`;
  return `Ring accounts alone (every one is in the cohort): ${formatChange(r.relative)} abusive messages per account-day (95% CI ${formatChange(r.relativeLower)} to ${formatChange(r.relativeUpper)}; ${sizes}).`;
}
