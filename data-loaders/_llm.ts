import {checkRewrite} from "../src/ops/checkRewrite.js";
import {reportText, type WeeklyReport} from "../src/ops/weeklySummary.js";

/**
 * The optional LLM rewrite of the weekly ops summary. It is never required: without
 * WORKBOOK_LLM_API_KEY nothing is sent; on any error, timeout or a rewrite that fails checkRewrite,
 * the generated report stands. The endpoint speaks the Anthropic Messages API.
 *
 *   WORKBOOK_LLM_API_KEY     enables the rewrite (never logged, never written out)
 *   WORKBOOK_LLM_URL         default https://api.anthropic.com/v1/messages
 *   WORKBOOK_LLM_MODEL       default claude-sonnet-4-5
 *   WORKBOOK_LLM_TIMEOUT_MS  default 20000
 */
export interface Rewrite {
  status: "not_configured" | "used" | "rejected" | "failed";
  /** Why the rewrite was not used, or which model wrote it. */
  detail: string;
  /** The rewritten report (only when used). */
  text?: string;
}

export const LLM_DEFAULTS = {url: "https://api.anthropic.com/v1/messages", model: "claude-sonnet-4-5", timeoutMs: 20_000} as const;

export function rewritePrompt(report: WeeklyReport): string {
  return [
    "Rewrite this weekly Trust & Safety operations summary for team leads: clear, direct, no more than 350 words.",
    "Rules: keep the five section titles exactly as they are, each on its own line, with its points as lines starting with \"- \".",
    "Use only the numbers below, written exactly as they appear (no rounding, no new numbers, no arithmetic). Plain text only: no markdown headings, no HTML.",
    "",
    reportText(report)
  ].join("\n");
}

export async function rewriteSummary(report: WeeklyReport, {env = process.env, fetch: fetchImpl = globalThis.fetch}: {env?: NodeJS.ProcessEnv; fetch?: typeof fetch} = {}): Promise<Rewrite> {
  const key = env.WORKBOOK_LLM_API_KEY?.trim();
  if (!key) return {status: "not_configured", detail: "no WORKBOOK_LLM_API_KEY at build time"};
  const url = env.WORKBOOK_LLM_URL?.trim() || LLM_DEFAULTS.url;
  const model = env.WORKBOOK_LLM_MODEL?.trim() || LLM_DEFAULTS.model;
  const timeoutMs = Number(env.WORKBOOK_LLM_TIMEOUT_MS) > 0 ? Number(env.WORKBOOK_LLM_TIMEOUT_MS) : LLM_DEFAULTS.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: {"content-type": "application/json", "x-api-key": key, "anthropic-version": "2023-06-01"},
      body: JSON.stringify({model, max_tokens: 1200, messages: [{role: "user", content: rewritePrompt(report)}]}),
      signal: controller.signal
    });
    if (!response.ok) return {status: "failed", detail: `HTTP ${response.status} from the LLM endpoint`};
    const body = (await response.json()) as {content?: {type?: string; text?: string}[]};
    const text = (body.content ?? []).filter((c) => c.type === "text" && typeof c.text === "string").map((c) => c.text).join("\n").trim();
    const check = checkRewrite(text, reportText(report), {titles: report.sections.map((s) => s.title)});
    if (!check.ok) return {status: "rejected", detail: check.problems.join("; ")};
    return {status: "used", detail: `rewritten by ${model}`, text};
  } catch (error) {
    const aborted = controller.signal.aborted;
    return {status: "failed", detail: aborted ? `no answer within ${timeoutMs} ms` : `request failed: ${(error as Error).message}`};
  } finally {
    clearTimeout(timer);
  }
}
