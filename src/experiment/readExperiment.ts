import type {QueryRunner, QuerySpec} from "../investigate/queries.js";
import {formatChange, formatNumber, formatPercent, formatPp} from "../core/format.js";
import {compareEstimates, type Comparison} from "../stats/compareEstimates.js";
import {achievedPower, minimumDetectableEffect, sampleSizeFactor} from "../stats/power.js";
import {ratioEstimate, type RatioEstimate, type RatioUnit} from "../stats/ratioEstimate.js";
import {sampleRatioTest, type SampleRatio} from "../stats/sampleRatioTest.js";
import {decideShip, DEFAULT_SHIP_RULE, type ShipDecision, type ShipRule} from "./decideShip.js";
import {RATE_LIMIT_PER_DAY} from "../world/events.js";
import {EXPERIMENT} from "../world/scenarios.js";
import {capWhatIf, tightestSafeCap, type AccountDay, type CapOutcome} from "./capWhatIf.js";
import {controlUserDaysQuery, experimentDailyQuery, experimentUnitsQuery, type ExperimentWindow} from "./queries.js";

/**
 * The readout of the new-account message rate limit (the world's EXP-7): harm prevalence with a 95%
 * confidence interval, guardrails on ordinary (benign) new accounts, power and minimum detectable
 * effects, a sample-ratio check, and the ship decision by the stated rule. Units are accounts; every
 * estimate is weighted back to the population (the cohort over-samples rings and new accounts), and
 * ratio metrics get linearization standard errors over accounts, not messages.
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
  /** Ring accounts alone (weight 1, fully sampled): abusive messages per account-day, treatment vs control. */
  ringHarmPerDay: Comparison & {controlUnits: number; treatmentUnits: number};
  /** Caps replayed on the control arm's uncapped account-days, and the tightest one within the friction guardrail. */
  caps: CapOutcome[];
  recommendedCap: CapOutcome | null;
  queries: (QuerySpec & {rows: Record<string, unknown>[]})[];
  findings: string[];
}

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

export async function readExperiment(run: QueryRunner, options: ExperimentOptions): Promise<ExperimentReadout> {
  const {id, dailyCap, confidence = 0.95, alpha = 0.05, power = 0.8, rule = DEFAULT_SHIP_RULE} = options;
  if (!(Number.isInteger(dailyCap) && dailyCap > 0)) throw new Error(`invalid daily cap: ${dailyCap}`);
  const window: ExperimentWindow = {start: options.start, end: options.end, newAccountDays: options.newAccountDays, followUpDays: options.followUpDays};
  const queries: ExperimentReadout["queries"] = [];
  const ask = async (spec: QuerySpec) => {
    const rows = await run(spec.sql);
    queries.push({...spec, rows});
    return rows;
  };

  const units = (await ask(experimentUnitsQuery(window))).map((r) => ({
    arm: str(r.arm),
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

  const summarise = (arm: "control" | "treatment"): ArmSummary => {
    const rows = units.filter((u) => u.arm === arm);
    const benign = rows.filter((u) => u.actorType === "benign");
    const total = (list: typeof rows, f: (u: (typeof rows)[number]) => number) => list.reduce((a, u) => a + u.weight * f(u), 0);
    const byActor: Record<string, number> = {};
    for (const u of rows) byActor[u.actorType] = (byActor[u.actorType] ?? 0) + 1;
    const est = (list: typeof rows, y: (u: (typeof rows)[number]) => number, x: (u: (typeof rows)[number]) => number) => ratioEstimate(list.map((u): RatioUnit => ({y: y(u), x: x(u), w: u.weight})));
    return {
      arm,
      units: rows.length,
      byActor,
      population: total(rows, () => 1),
      harm: est(rows, (u) => u.abusiveMessages, (u) => u.messages),
      harmPerDay: est(rows, (u) => u.abusiveMessages, (u) => u.newDays),
      benignUnits: benign.length,
      benignVolume: est(benign, (u) => u.messages, (u) => u.newDays),
      benignDropOff: est(benign, (u) => (u.droppedOff ? 1 : 0), () => 1),
      rateLimited: total(rows, (u) => u.rateLimited),
      benignRateLimited: total(benign, (u) => u.rateLimited),
      benignMessages: total(benign, (u) => u.messages),
      benignCappedShare: total(benign, (u) => (u.rateLimited > 0 ? 1 : 0)) / Math.max(1e-9, total(benign, () => 1)),
      cappedUnits: rows.filter((u) => u.rateLimited > 0).length
    };
  };
  const control = summarise("control");
  const treatment = summarise("treatment");
  const compare = (key: "harm" | "harmPerDay" | "benignVolume" | "benignDropOff") => compareEstimates(treatment[key], control[key], {confidence});
  const harm = compare("harm");
  const harmPerDay = compare("harmPerDay");
  const benignVolume = compare("benignVolume");
  const dropOff = compare("benignDropOff");
  const benignFriction = treatment.benignRateLimited / Math.max(1e-9, treatment.benignRateLimited + treatment.benignMessages);
  const abusiveShareOfCapped = treatment.rateLimited > 0 ? 1 - treatment.benignRateLimited / treatment.rateLimited : NaN;
  const sampleRatio = sampleRatioTest(treatment.units, control.units);

  const powerRow = (metric: string, unit: PowerRow["unit"], c: Comparison, base: number, target: number, basis: string): PowerRow => {
    const mde = minimumDetectableEffect(c.se, {alpha, power});
    return {metric, unit, mde, mdeRelative: mde / base, observed: c.difference, power: achievedPower(target, c.se, {alpha}), sampleFactor: sampleSizeFactor(target, c.se, {alpha, power}), basis};
  };
  const powerRows: PowerRow[] = [
    powerRow("Abusive message share (new accounts' messages)", "share", harm, control.harm.estimate, harm.difference, "observed effect"),
    powerRow("Abusive messages per new account-day", "messages per account-day", harmPerDay, control.harmPerDay.estimate, harmPerDay.difference, "observed effect"),
    powerRow("Messages per ordinary new account-day", "messages per account-day", benignVolume, control.benignVolume.estimate, rule.maxVolumeLoss * control.benignVolume.estimate, `guardrail margin (${formatPercent(rule.maxVolumeLoss, 0)})`),
    powerRow("Drop-off of ordinary new accounts", "share", dropOff, control.benignDropOff.estimate, rule.maxDropOffIncrease, `guardrail margin (${formatPp(rule.maxDropOffIncrease, 0)})`)
  ];

  const decision = decideShip({harm, benignFriction, benignVolume, dropOff}, rule);

  const daily: DailyRow[] = (await ask(experimentDailyQuery(window))).map((r) => {
    const messages = num(r.messages) || 0;
    const abusive = num(r.abusive_messages) || 0;
    const day = str(r.day);
    return {day, arm: str(r.arm) as DailyRow["arm"], messages, abusiveMessages: abusive, harm: messages > 0 ? abusive / messages : NaN, inTest: day >= window.start && day <= window.end};
  });

  const ringUnits = (arm: string) => units.filter((u) => u.arm === arm && u.actorType === "ring_member");
  const ringEstimate = (arm: string) => ratioEstimate(ringUnits(arm).map((u) => ({y: u.abusiveMessages, x: u.newDays})));
  const ringHarmPerDay = {...compareEstimates(ringEstimate("treatment"), ringEstimate("control"), {confidence}), controlUnits: ringUnits("control").length, treatmentUnits: ringUnits("treatment").length};

  const accountDays: AccountDay[] = (await ask(controlUserDaysQuery(window))).map((r) => ({ordinary: Boolean(r.ordinary), weight: num(r.weight), attempted: num(r.attempted)}));
  const caps = capWhatIf(accountDays, Array.from({length: 40}, (_, i) => i + 1));
  const recommendedCap = tightestSafeCap(caps, rule.maxBenignFriction);
  const tested = caps.find((c) => c.cap === dailyCap);

  const failing = decision.criteria.filter((c) => c.status !== "pass");
  const findings = [
    `${control.units + treatment.units} accounts were new during ${id} (${window.start} to ${window.end}): ${control.units} in control and ${treatment.units} in treatment (sample-ratio check p = ${formatNumber(sampleRatio.p, 2)}${sampleRatio.p < 0.01 ? ": the split is off, distrust the readout" : ": consistent with 50/50"}).`,
    `The abusive share of new accounts' messages was ${formatPercent(control.harm.estimate)} in control and ${formatPercent(treatment.harm.estimate)} in treatment: ${formatPp(harm.difference, 2)} (95% CI ${formatPp(harm.lower, 2)} to ${formatPp(harm.upper, 2)}), a relative change of ${formatChange(harm.relative)} (95% CI ${formatChange(harm.relativeLower)} to ${formatChange(harm.relativeUpper)}); ${harm.relativeUpper < 0 ? "a significant reduction" : harm.relativeLower > 0 ? "a significant increase" : "not significant: the interval includes no change, so this is no reason to act"}.`,
    `The cap stopped ${formatPercent(benignFriction)} of ordinary new accounts' messages (${formatPercent(treatment.benignCappedShare, 0)} of them hit it at least once); ${formatPercent(abusiveShareOfCapped, 0)} of all capped messages came from abusive accounts.`,
    `Ordinary new accounts sent ${formatChange(benignVolume.relative)} messages per day (95% CI ${formatChange(benignVolume.relativeLower)} to ${formatChange(benignVolume.relativeUpper)}); their drop-off moved ${formatPp(dropOff.difference)} (95% CI ${formatPp(dropOff.lower)} to ${formatPp(dropOff.upper)}).`,
    `Decision by the stated rule: ${decision.decision.toUpperCase()}. ${decision.reason}`
  ];
  findings.push(`Ring accounts alone (every one is in the cohort): ${formatChange(ringHarmPerDay.relative)} abusive messages per account-day (95% CI ${formatChange(ringHarmPerDay.relativeLower)} to ${formatChange(ringHarmPerDay.relativeUpper)}; ${ringHarmPerDay.controlUnits} and ${ringHarmPerDay.treatmentUnits} accounts).`);
  if (tested) findings.push(`Replayed on the control arm, a cap of ${dailyCap} a day stops ${formatPercent(tested.ordinaryStopped)} of ordinary and ${formatPercent(tested.abusiveStopped)} of abusive accounts' messages.${recommendedCap ? ` The tightest cap within the ${formatPercent(rule.maxBenignFriction, 0)} friction guardrail is ${recommendedCap.cap} a day: it would stop ${formatPercent(recommendedCap.ordinaryStopped)} of ordinary and ${formatPercent(recommendedCap.abusiveStopped)} of abusive messages.` : ` No cap up to ${caps[caps.length - 1].cap} a day stays within the ${formatPercent(rule.maxBenignFriction, 0)} friction guardrail.`}`);
  const dropPower = powerRows[3];
  if (failing.some((c) => c.status === "inconclusive")) findings.push(`The smallest drop-off change this test could detect is ${formatPp(dropPower.mde)}; bounding it within the margin needs about ${Number.isFinite(dropPower.sampleFactor) ? `${formatNumber(dropPower.sampleFactor, 1)}×` : "many times"} the sample, i.e. a longer test or a larger cohort.`);

  return {
    id,
    window,
    dailyCap,
    confidence,
    alpha,
    targetPower: power,
    rule,
    arms: {control, treatment},
    sampleRatio,
    harm,
    harmPerDay,
    benignVolume,
    dropOff,
    benignFriction,
    abusiveShareOfCapped,
    power: powerRows,
    decision,
    units: units.map(({arm, actorType, weight, messages, abusiveMessages, rateLimited, newDays, droppedOff}) => ({arm, actorType, weight, messages, abusiveMessages, rateLimited, newDays, droppedOff})),
    daily,
    ringHarmPerDay,
    caps,
    recommendedCap,
    queries,
    findings
  };
}
