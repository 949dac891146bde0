import * as Inputs from "@observablehq/inputs";
import {formatCount, formatNumber} from "../lib/core/format.js";
import type {ActionCostRow} from "../lib/science/enforcementView.js";
import {label} from "./palette.js";

/** Per suggested action: user-days in all and per day, expected and actual false positives and negatives, and the cost of each. */
export function actionCostTable(rows: readonly ActionCostRow[]) {
  const one = (x: number) => formatNumber(x, 1);
  return Inputs.table(rows, {
    columns: ["action", "cases", "perDay", "expectedFalsePositives", "actualFalsePositives", "expectedMissed", "actualMissed", "expectedCost", "actualCost"],
    header: {action: "Action", cases: "User-days", perDay: "Per day", expectedFalsePositives: "Expected FP", actualFalsePositives: "Actual FP", expectedMissed: "Expected FN", actualMissed: "Actual FN", expectedCost: "Expected cost", actualCost: "Actual cost"},
    format: {action: label, cases: formatCount, actualFalsePositives: formatCount, actualMissed: formatCount, perDay: one, expectedFalsePositives: one, expectedMissed: one, expectedCost: one, actualCost: one},
    layout: "auto",
    select: false
  });
}
