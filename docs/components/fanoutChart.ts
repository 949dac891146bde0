import * as Plot from "@observablehq/plot";
import {saveable} from "./chartSave.js";

/** IP prefixes by fan-out (distinct accounts seen on them), with the cap above which a prefix links nobody. */
export function fanoutChart(rows: readonly {accounts: number; prefixes: number}[], {width, height = 220, cap}: {width?: number; height?: number; cap: number}) {
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    marginLeft: 50,
    x: {label: "Accounts on the IP prefix (80 = 80 or more) →"},
    y: {type: "sqrt", grid: true, label: "↑ IP prefixes", tickFormat: "~s"},
    color: {domain: ["links its accounts", "too many accounts: ignored"], range: ["#ff8ab7", "#9498a0"], legend: true},
    marks: [
      Plot.rectY(rows, {x1: (d) => d.accounts - 0.5, x2: (d) => d.accounts + 0.5, y: "prefixes", fill: (d) => (d.accounts >= 2 && d.accounts <= cap ? "links its accounts" : "too many accounts: ignored"), tip: true, title: (d) => `${d.prefixes} prefixes used by ${d.accounts} account${d.accounts === 1 ? "" : "s"}`}),
      Plot.ruleX([cap + 0.5], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.text([cap], {x: (d: number) => d + 1, frameAnchor: "top", text: (d: number) => `cap: ${d}`, textAnchor: "start", dy: 4}),
      Plot.ruleY([0])
    ]
  }), {name: "fanout", rows});
}
