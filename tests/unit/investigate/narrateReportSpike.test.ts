import {describe, expect, it} from "vitest";
import {analyseReportSpike} from "../../../src/investigate/analyseReportSpike.js";
import {narrateReportSpike} from "../../../src/investigate/narrateReportSpike.js";
import type {SpikeAnalysis} from "../../../src/investigate/spikeTypes.js";
import {compareShares, countedShare} from "../../../src/stats/compareShares.js";
import {fakeSpikeRunner} from "./spikeFixture.js";

/** The fake runner's case (see spikeFixture.ts), measured once; each test narrates it or a changed copy. */
const analysis: SpikeAnalysis = await analyseReportSpike(fakeSpikeRunner().run, {churnWeeks: 2});

describe("narrateReportSpike", () => {
  it("narrateReportSpike(analysis) states each hypothesis' test and evidence with the analysis' figures, and its decision", () => {
    const {hypotheses} = narrateReportSpike(analysis);
    expect(hypotheses.map((h) => [h.id, h.supported])).toEqual([["H1", true], ["H2", true], ["H3", false], ["H4", false]]);
    expect(hypotheses[0].evidence).toBe("Messages of accounts outside rings went +100% week over week; reports on them went from 200 to 400 (+200, 50% of the rise) at 20.0 then 20.0 reports per 10,000 messages (+0.0 per 10,000, 0% of the earlier rate).");
    expect(hypotheses[1].evidence).toBe("Ring accounts' reports went from 100 to 300 (+200, 50% of the rise); 100% of them on direct messages, mostly from R1 (dm scam).");
    expect(hypotheses[3].test).toBe("Reports on posts and comments of accounts outside rings explain at least 20% of the rise.");
  });

  it("narrateReportSpike writes the findings from the rise, its split, churn and the young-sender signal", () => {
    const {findings} = narrateReportSpike(analysis);
    expect(findings[0]).toBe("Reports rose +40% in the week of 2025-06-23 (1,000 → 1,400), 11 days after the first direct message on 2025-06-12.");
    expect(findings[1]).toBe("Of the +400 reports, feature adoption accounts for +200 (50%) and attacker activity for +200 (50%); posts and comments outside rings moved ±0 (0%).");
    expect(findings[3]).toMatch(/^Churn of ordinary users averaged 4\.0 per 1,000 a week in the 2 weeks from the launch against 2\.0 in the 2 weeks before \(\+2\.0 per 1,000; 11 and 6 churners/);
    expect(findings[4]).toMatch(/^Without ground truth, "sender under 14 days old" picks out the attacker: 80% \(240 of 300/);
    expect(findings[5]).toBe("40 reported accounts of R1 (dm scam), created 2025-06-01 to 2025-06-10, share 5 devices and 3 IP prefixes.");
  });

  it("narrateReportSpike recommends the takedown only with a ring and the rate limit only when young senders separate the attacker", () => {
    expect(narrateReportSpike(analysis).mitigations.map((m) => m.title)).toEqual([
      "Take down R1 by its shared infrastructure",
      "Rate-limit new accounts' messages",
      "Score direct messages before delivery",
      "Protect recipients from strangers"
    ]);
    const noise = compareShares(countedShare(5, 10), countedShare(4, 10));
    const quiet = narrateReportSpike({...analysis, rings: [], youngSenders: noise});
    expect(quiet.mitigations.map((m) => m.title)).toEqual(["Score direct messages before delivery", "Protect recipients from strangers"]);
    expect(quiet.findings).toHaveLength(5);
    expect(quiet.findings[4]).toMatch(/does not separate the attacker: .* and the 95% intervals overlap\.$/);
    expect(quiet.hypotheses[1].evidence).toMatch(/on direct messages\.$/);
  });

  it("narrateReportSpike gives each measured metric its baseline from the analysis", () => {
    const {measurement} = narrateReportSpike(analysis);
    expect(measurement.map((m) => [m.metric, m.baseline])).toEqual([
      ["Report rate on direct messages (outside rings)", "20.0 in the case week"],
      ["Attacker message reports", "300 in the case week"],
      ["Abusive-message exposure", "10.0 in the case week"],
      ["Churn of ordinary users", "2.0 before the launch; 4.0 after"],
      ["Report precision", "77.1% in the case week"]
    ]);
  });
});
