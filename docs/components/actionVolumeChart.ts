import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/core/format.js";
import {enforcementColor, label} from "./palette.js";
import {saveable} from "./chartSave.js";

export interface ActionVolume {
  action: string;
  cases: number;
  actualFalsePositives: number;
}

/** Cases per suggested action, with the benign share (ground-truth false positives) hatched darker. */
export function actionVolumeChart(rows: readonly ActionVolume[], {width, height = 220}: {width?: number; height?: number} = {}) {
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    marginLeft: 90,
    x: {grid: true, label: "User-days in the evaluation period →", tickFormat: "s"},
    y: {domain: enforcementColor.domain.filter((a) => rows.some((r) => r.action === a)), label: null, tickFormat: label},
    color: {...enforcementColor, tickFormat: label},
    marks: [
      Plot.barX(rows, {y: "action", x: "cases", fill: "action", fillOpacity: 0.45, tip: true, title: (d: ActionVolume) => `${label(d.action)}: ${formatCount(d.cases)} user-days\nof which benign (ground truth): ${formatCount(d.actualFalsePositives)}`}),
      Plot.barX(rows, {y: "action", x: "actualFalsePositives", fill: "action", insetTop: 6, insetBottom: 6}),
      Plot.ruleX([0])
    ]
  }), {name: "action volume", rows});
}
