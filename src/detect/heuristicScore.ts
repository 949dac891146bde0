/**
 * A transparent heuristic risk score for a user-day, the kind of rule set an analyst writes before any
 * model: points for policy blocks, warnings, bursts of content and many IP prefixes or devices, divided
 * by the most points a day can earn, so the score runs from 0 to 1. Every point can be explained to a
 * reviewer or an appealing user, which is the point of keeping it next to the model.
 */
import type {UserDayCounts} from "../science/features.js";

export interface HeuristicRule {
  name: string;
  /** When the rule fires, in words. */
  description: string;
  /** Points earned by a row (0 when the rule does not fire). */
  points(row: UserDayCounts): number;
  /** The most points the rule can give. */
  max: number;
}

export const HEURISTIC_RULES: readonly HeuristicRule[] = [
  {name: "policy_blocks", description: "3 points per blocked content attempt, at most 9", points: (r) => 3 * Math.min(3, r.policy_blocks), max: 9},
  {name: "warnings", description: "2 points if the account was warned that day", points: (r) => (r.warnings > 0 ? 2 : 0), max: 2},
  {name: "burst", description: "1 point for 5 or more content attempts in 10 minutes, 2 points for 10 or more", points: (r) => (r.max_attempts_10min >= 10 ? 2 : r.max_attempts_10min >= 5 ? 1 : 0), max: 2},
  {name: "many_ips", description: "1 point for 3 or more IP prefixes in a day", points: (r) => (r.ip_prefixes >= 3 ? 1 : 0), max: 1},
  {name: "many_devices", description: "1 point for 2 or more devices in a day", points: (r) => (r.devices >= 2 ? 1 : 0), max: 1}
];

const MAX_POINTS = HEURISTIC_RULES.reduce((s, r) => s + r.max, 0);

/** Points earned / the most points any row can earn, in [0, 1]. */
export function heuristicScore(row: UserDayCounts, rules: readonly HeuristicRule[] = HEURISTIC_RULES): number {
  const max = rules === HEURISTIC_RULES ? MAX_POINTS : rules.reduce((s, r) => s + r.max, 0);
  if (!(max > 0)) throw new Error("invalid rules: no points to earn");
  return rules.reduce((s, r) => s + r.points(row), 0) / max;
}

/** The rules a row fires, for a reviewer: "policy_blocks +6", ... */
export function heuristicReasons(row: UserDayCounts, rules: readonly HeuristicRule[] = HEURISTIC_RULES): string[] {
  return rules.flatMap((r) => {
    const p = r.points(row);
    return p > 0 ? [`${r.name.replace(/_/g, " ")} +${p}`] : [];
  });
}
