import {formatPercent, formatPp} from "../core/format.js";
import type {Comparison} from "../stats/compareEstimates.js";

/**
 * The ship rule of a friction experiment, stated before the readout. Ship only when the primary metric
 * (harm prevalence) fell significantly and by at least `minReduction`, and every guardrail holds:
 * benign friction (the share of ordinary new accounts' messages the limit stopped, measured exactly)
 * stays under `maxBenignFriction`, their message volume is non-inferior (the lower bound of the relative
 * change is above −`maxVolumeLoss`), and their drop-off is non-inferior (the upper bound of the increase
 * is below `maxDropOffIncrease`).
 */
export interface ShipRule {
  minReduction: number;
  maxBenignFriction: number;
  maxVolumeLoss: number;
  maxDropOffIncrease: number;
}

export const DEFAULT_SHIP_RULE: ShipRule = {minReduction: 0.1, maxBenignFriction: 0.02, maxVolumeLoss: 0.1, maxDropOffIncrease: 0.03};

export interface ShipInputs {
  /** Harm prevalence, treatment vs control. */
  harm: Comparison;
  /** Share of ordinary new accounts' attempted messages stopped by the limit (treatment). */
  benignFriction: number;
  /** Messages per ordinary new account-day, treatment vs control. */
  benignVolume: Comparison;
  /** Drop-off of ordinary new accounts, treatment vs control. */
  dropOff: Comparison;
}

export type CriterionStatus = "pass" | "fail" | "inconclusive";

export interface Criterion {
  id: "harm" | "friction" | "volume" | "drop_off";
  name: string;
  rule: string;
  status: CriterionStatus;
}

export interface ShipDecision {
  decision: "ship" | "don't ship";
  criteria: Criterion[];
  /** One line: what decided it. */
  reason: string;
}


/** Applies the rule. "inconclusive" means the interval straddles the margin: the test cannot tell yet. */
export function decideShip(inputs: ShipInputs, rule: ShipRule = DEFAULT_SHIP_RULE): ShipDecision {
  for (const [k, v] of Object.entries(rule)) if (!(v >= 0)) throw new Error(`invalid ship rule: ${k} = ${v}`);
  const {harm, benignFriction, benignVolume, dropOff} = inputs;
  const status = (pass: boolean, fail: boolean): CriterionStatus => (pass ? "pass" : fail ? "fail" : "inconclusive");
  const criteria: Criterion[] = [
    {
      id: "harm",
      name: "Abusive message share falls",
      rule: `95% CI of the relative change entirely below 0 and the estimate at most −${formatPercent(rule.minReduction, 0)}`,
      // Not significant, or significant but too small: either way not a reason to ship.
      status: status(harm.relativeUpper < 0 && harm.relative <= -rule.minReduction, harm.relativeLower > -rule.minReduction || !Number.isFinite(harm.relative))
    },
    {
      id: "friction",
      name: "Benign friction stays low",
      rule: `At most ${formatPercent(rule.maxBenignFriction, 0)} of ordinary new accounts' messages stopped by the limit (exact count)`,
      status: status(benignFriction <= rule.maxBenignFriction, benignFriction > rule.maxBenignFriction || !Number.isFinite(benignFriction))
    },
    {
      id: "volume",
      name: "Ordinary new accounts keep messaging",
      rule: `Lower bound of the relative change in messages per account-day above −${formatPercent(rule.maxVolumeLoss, 0)}`,
      status: status(benignVolume.relativeLower > -rule.maxVolumeLoss, benignVolume.relativeUpper < -rule.maxVolumeLoss || !Number.isFinite(benignVolume.relative))
    },
    {
      id: "drop_off",
      name: "Ordinary new accounts do not drop off more",
      rule: `Upper bound of the drop-off difference below ${formatPp(rule.maxDropOffIncrease, 0)}`,
      status: status(dropOff.upper < rule.maxDropOffIncrease, dropOff.lower > rule.maxDropOffIncrease || !Number.isFinite(dropOff.difference))
    }
  ];
  const failed = criteria.filter((c) => c.status === "fail");
  const open = criteria.filter((c) => c.status === "inconclusive");
  const ship = failed.length === 0 && open.length === 0;
  const reason = ship
    ? "Every criterion passes."
    : failed.length
      ? `Fails: ${failed.map((c) => c.name.toLowerCase()).join("; ")}${open.length ? `. Not established: ${open.map((c) => c.name.toLowerCase()).join("; ")}` : ""}.`
      : `Not established: ${open.map((c) => c.name.toLowerCase()).join("; ")}; the test cannot tell yet.`;
  return {decision: ship ? "ship" : "don't ship", criteria, reason};
}
