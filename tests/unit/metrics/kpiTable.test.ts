import {describe, expect, it} from "vitest";
import {NONE} from "../../../src/core/format.js";
import {KPI_DEFINITIONS} from "../../../src/metrics/definitions.js";
import {kpiStatus, kpiTableRows, targetCounts} from "../../../src/metrics/kpiTable.js";

describe("kpiTable", () => {
  it("kpiStatus(k) reads meets true, false and null (or a KPI not computed)", () => {
    expect([kpiStatus({meets: true}), kpiStatus({meets: false}), kpiStatus({meets: null}), kpiStatus(undefined)]).toEqual(["meets", "misses", "no target", "no target"]);
  });
  it("kpiTableRows(definitions, computed) formats each value in its unit and keeps dictionary order", () => {
    const [reports, rate] = ["reports", "report_rate"].map((id) => KPI_DEFINITIONS.find((d) => d.id === id)!);
    const rows = kpiTableRows([reports, rate], [{id: "report_rate", value: 0.0123, meets: false}, {id: "reports", value: 74196, meets: null}]);
    expect(rows.map((r) => [r.id, r.value, r.status])).toEqual([["reports", "74,196", "no target"], ["report_rate", "1.23%", "misses"]]);
    expect(rows[1]).toMatchObject({name: rate.name, target: rate.target.text, version: rate.version, origin: rate.origin});
  });
  it("kpiTableRows(definitions, []) shows a KPI without a computed value as missing, with no target verdict", () => {
    const [row] = kpiTableRows([KPI_DEFINITIONS[0]], []);
    expect(row.status).toBe("no target");
    expect(row.value).toBe(NONE);
  });
  it("targetCounts(computed) counts met targets among the KPIs with a verdict", () => {
    expect(targetCounts([{meets: true}, {meets: false}, {meets: null}, {meets: true}])).toEqual({met: 2, checked: 3});
    expect(targetCounts([])).toEqual({met: 0, checked: 0});
  });
});
