import {describe, expect, it} from "vitest";
import {incidentLogRows} from "../../../src/report/incidentLog.js";

const incident = {
  id: "INC-1",
  title: "Blocks spike",
  severity: "high" as const,
  start: "2025-05-12",
  end: "2025-05-13",
  whatHappened: "Blocks rose.",
  impact: "70 extra blocks.",
  hypothesis: "Young accounts.",
  actions: [{action: "Review the ring", owner: "T&S", due: "2025-05-14"}, {action: "Rate-limit new accounts", owner: "Eng", due: "2025-05-20"}],
  metricsToWatch: ["policy_blocks", "block_rate"],
  groundTruth: ["messaging launch", "messaging scam ring"]
};

describe("incidentLogRows", () => {
  it("incidentLogRows([incident]) flattens actions and metrics with ' | ' and ground truth with '; '", () => {
    expect(incidentLogRows([incident])).toEqual([{
      incident_id: "INC-1",
      title: "Blocks spike",
      severity: "high",
      start_date: "2025-05-12",
      end_date: "2025-05-13",
      what_happened: "Blocks rose.",
      impact: "70 extra blocks.",
      root_cause_hypothesis: "Young accounts.",
      actions: "Review the ring (T&S, due 2025-05-14) | Rate-limit new accounts (Eng, due 2025-05-20)",
      metrics_to_watch: "policy_blocks | block_rate",
      ground_truth: "messaging launch; messaging scam ring"
    }]);
  });

  it("incidentLogRows([]) is empty and an incident without ground truth gets an empty string", () => {
    expect(incidentLogRows([])).toEqual([]);
    expect(incidentLogRows([{...incident, groundTruth: []}])[0].ground_truth).toBe("");
  });
});
