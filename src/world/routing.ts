import {ROUTES, SEVERITIES, type Route} from "../core/constants.js";
import {ROUTING} from "../core/params.js";

const CRITICAL = SEVERITIES.indexOf("critical");
const HIGH = SEVERITIES.indexOf("high");
const MEDIUM = SEVERITIES.indexOf("medium");
const LOW = SEVERITIES.indexOf("low");

/**
 * The routing policy, by classifier score and severity index:
 * very confident scores are blocked automatically; high and critical severity go to people;
 * confident medium/low scores get a light automated action; grey-zone scores go to people (medium
 * severity from `grayZone`, low severity from the narrower `lowGrayZone`); the rest is dismissed
 * automatically.
 */
export function route(score: number, severity: number, thresholds: {autoBlock: number; autoAction: number; grayZone: number; lowGrayZone: number} = ROUTING): Route {
  if (score >= thresholds.autoBlock) return "auto_block";
  if (severity === CRITICAL || severity === HIGH) return "human_review";
  if (score >= thresholds.autoAction) return "auto_action";
  if (severity === MEDIUM && score >= thresholds.grayZone) return "human_review";
  if (severity === LOW && score >= thresholds.lowGrayZone) return "human_review";
  return "auto_dismiss";
}

export const ROUTE_INDEX: Record<Route, number> = Object.fromEntries(ROUTES.map((r, i) => [r, i])) as Record<Route, number>;
