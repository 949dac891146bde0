import {parseConfig} from "../src/config.js";
import {weeklySummary, type WeeklyFlag} from "../src/ops/weeklySummary.js";
import type {RosterRow} from "../src/ops/roster.js";
import type {SignalUser} from "../src/detect/dailySignals.js";
import {rewriteSummary} from "./_llm.js";
import {signalTexts} from "../src/world/signalTexts.js";
import {publishedRows} from "./_rows.js";

/**
 * The weekly ops summary of the reporting window's last week (WORKBOOK_FROM/WORKBOOK_TO), generated from the published tables; with an LLM key
 * at build time, also an LLM rewrite of it (see _llm.ts), used only if it passes its checks.
 */
try {
  const config = parseConfig(process.env);
  // The attack detector's content-similarity signal reads each flag's text, as on the attack page.
  const rows = await publishedRows<WeeklyFlag & {flag_id: number; template_id: number}>(config, "flags");
  const texts = signalTexts(config.seed, rows);
  const report = weeklySummary({
    flags: rows.map((f, i) => ({...f, text: texts[i]})),
    users: await publishedRows<SignalUser>(config, "users"),
    reviewers: await publishedRows<RosterRow>(config, "reviewers")
  }, {from: config.from, to: config.to});
  const rewrite = await rewriteSummary(report);
  if (rewrite.status !== "not_configured") process.stderr.write(`weekly_summary.json: LLM rewrite ${rewrite.status}: ${rewrite.detail}\n`);
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, ...report, rewrite}));
} catch (error) {
  process.stderr.write(`loader weekly_summary.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
