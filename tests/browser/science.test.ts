/**
 * The protection-science pages' inputs, figures and downloads: each input changes what the page
 * shows, the figures on the page match a recomputation from the published files with the same
 * library code, hostile texts render as inert text, and downloads hold the rows the page shows.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {formatPercent} from "../../src/core/format.js";
import {thresholdMetrics, weightedRates} from "../../src/detect/threshold.js";
import {averagePrecision} from "../../src/detect/averagePrecision.js";
import {summarizeActions, totalCosts, type EnforcementPolicy} from "../../src/detect/enforcementPolicy.js";
import {ALERT_DEFAULTS, monitorAlerts} from "../../src/detect/monitorAlerts.js";
import {MONITORED} from "../../src/science/settings.js";
import {encodeArrow} from "../../src/io/arrow.js";
import {loadArrow, toRows} from "../../src/io/readArrow.js";
import {REVIEW_SNIPPETS} from "../../src/science/contracts.js";
import {HOSTILE_PAYLOADS} from "../../src/world/text.js";
import {injectedElements} from "./inert.js";
import {DIST, withSite, type OpenedPage} from "./site.js";

/** A built data file of the pipeline, e.g. "model.json" → dist/_file/data/science/model.<hash>.json. */
function built(name: string): {path: string; file: string} {
  const dir = join(DIST, "_file", "data", "science");
  const [stem, ext] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf(".") + 1)];
  const file = readdirSync(dir).find((f) => new RegExp(`^${stem}\\.[0-9a-f]+\\.${ext}$`).test(f));
  if (!file) throw new Error(`no ${name} in dist: run npm run build first`);
  return {path: join(dir, file), file};
}
const json = (name: string) => JSON.parse(readFileSync(built(name).path, "utf8"));
const rows = async (name: string) => toRows(await loadArrow(readFileSync(built(name).path), name));
const text = async (opened: OpenedPage, selector: string) => ((await opened.page.locator(selector).first().textContent()) ?? "").trim();
const setRange = async (opened: OpenedPage, label: string, value: number) => {
  await opened.page.locator("form", {hasText: label}).locator('input[type="number"]').first().fill(String(value));
  await opened.page.locator("form", {hasText: label}).locator('input[type="number"]').first().dispatchEvent("input");
  await opened.settle();
};

describe("science/monitoring.html", () => {
  it("raising k lowers the alert count, and the table lists the alerts of the chosen severities", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("science/monitoring.html");
      const count = async () => Number(await text(opened, "#alert-count"));
      const atDefaults = await count();
      const days = (await rows("core_day_metrics.arrow")).map((d) => ({...d, date: (d.date as Date).toISOString().slice(0, 10)}));
      expect(atDefaults).toBe(monitorAlerts(days, MONITORED, ALERT_DEFAULTS).length);
      await setRange(opened, "Alert above mean", 5);
      const strict = await count();
      expect(strict).toBeLessThan(atDefaults);
      await opened.page.locator("form", {hasText: "Severity"}).getByLabel("low").check();
      await opened.settle();
      const button = opened.page.locator('button[data-format="csv"]').first();
      expect(await button.textContent()).toContain(`Download ${strict} alerts`);
      await opened.assertClean();
    });
  });
});

describe("science/detection.html", () => {
  it("shows the build's average precision and, at any threshold, the precision and recall the library computes", async () => {
    const model = json("model.json");
    const scored = await rows("scored_user_day.arrow");
    const truth = scored.map((d) => d.truth_abusive as boolean);
    const risk = scored.map((d) => d.risk as number);
    const weight = scored.map((d) => d.weight as number);
    // Cohort user-days a row stands for: 1 unless the build published a sample of accounts.
    const sampleWeight = scored.map((d) => d.sample_weight as number);
    // Headline figures are weighted back to the population; the cohort's stand beside them.
    if (!model.sample.sampled) expect(averagePrecision(risk, truth, weight)).toBeCloseTo(model.averagePrecision.model, 4);
    if (!model.sample.sampled) expect(averagePrecision(risk, truth)).toBeCloseTo(model.averagePrecisionCohort.model, 4);
    expect(model.averagePrecision.model).toBeLessThan(model.averagePrecisionCohort.model);
    await withSite(async (site) => {
      const opened = await site.openPage("science/detection.html");
      const main = (await opened.page.textContent("#observablehq-main"))!;
      expect(main).toContain(model.averagePrecision.model.toFixed(3));
      expect(main).toContain(model.averagePrecision.heuristic.toFixed(3));
      for (const t of [0.3, 0.8]) {
        await setRange(opened, "Flag user-days scoring", t);
        const m = thresholdMetrics(risk, truth, t, sampleWeight);
        const population = weightedRates(risk, truth, weight, t);
        expect(await text(opened, "#precision")).toBe(formatPercent(population.precision));
        expect(await text(opened, "#recall")).toBe(formatPercent(population.recall));
        expect(await text(opened, "#precision-cohort")).toBe(formatPercent(m.precision));
        expect(await text(opened, "#recall-cohort")).toBe(formatPercent(m.recall));
        const uncertain = scored.reduce((n, d, i) => n + ((d.risk_lo as number) < t && (d.risk_hi as number) >= t ? sampleWeight[i] : 0), 0);
        expect(await text(opened, "#uncertain")).toBe(`${model.sample.sampled ? "≈ " : ""}${Math.round(uncertain).toLocaleString("en-US")}`);
      }
      const before = await text(opened, "#precision");
      await opened.page.locator("form", {hasText: "Confusion matrix of"}).getByLabel("Heuristic").check();
      await opened.settle();
      expect(await text(opened, "#precision")).not.toBe(before);
      await opened.assertClean();
    });
  });
});

describe("science/review-queue.html", () => {
  it("renders every hostile payload in a case's texts as literal text and opens another case on selection", async () => {
    const cases = await rows("review_queue.arrow");
    const first = cases[0].case_id as string;
    // Every known payload as a text of the first case: none may become markup or run.
    const fixture = HOSTILE_PAYLOADS.map((snippet, i) => ({case_id: first, flag_id: 900_000 + i, date: "2025-08-30", category: "spam", snippet, truth_template_group: "spam"}));
    const columns = Object.fromEntries(REVIEW_SNIPPETS.columns.map((c) => [c.name, fixture.map((r) => r[c.name as keyof (typeof fixture)[number]])]));
    const body = Buffer.from(encodeArrow(REVIEW_SNIPPETS, columns as never, null));
    await withSite(async (site) => {
      const opened = await site.openPage("science/review-queue.html");
      await opened.page.route(/\/_file\/data\/science\/review_snippets\.[0-9a-f]+\.arrow$/, (route) => route.fulfill({body, contentType: "application/vnd.apache.arrow.file"}));
      await opened.page.reload();
      await opened.settle();
      const card = opened.page.locator("#case-card");
      expect(await card.locator("h2").textContent()).toContain(first);
      const shown = await card.locator(".snippet-text").allTextContents();
      expect(shown).toEqual(HOSTILE_PAYLOADS.slice(0, shown.length));
      expect(shown.length).toBe(HOSTILE_PAYLOADS.length);
      expect(await injectedElements(opened.page)).toEqual([]);
      await opened.screenshot("science-review-queue-hostile.png");
      // Another case: the card follows the selection.
      await opened.page.locator("table tbody tr").nth(1).locator("input").check();
      await opened.settle();
      expect(await card.locator("h2").textContent()).toContain(cases[1].case_id as string);
      await opened.assertClean();
    });
  });

  it("downloads the audit-log template with one row per queued case", async () => {
    const cases = await rows("review_queue.arrow");
    await withSite(async (site) => {
      const opened = await site.openPage("science/review-queue.html");
      const button = opened.page.locator('button[data-format="csv"]', {hasText: "audit-log template"});
      const download = await opened.download(() => button.click());
      const parsed = csvParse(readFileSync((await download.path())!, "utf8"));
      expect(parsed.columns).toEqual(["case_id", "user_id", "reviewer_id", "decision", "policy", "rationale", "decided_at", "suggested_action"]);
      expect(parsed.map((r) => r.case_id)).toEqual(cases.map((c) => c.case_id));
      expect(parsed.every((r) => r.decision === "" && r.reviewer_id === "")).toBe(true);
      await opened.assertClean();
    });
  });
});

describe("science/automation.html", () => {
  it("changes the clustering figures with k, shows hostile texts literally, and downloads the linked accounts", async () => {
    const clusters = json("clusters.json");
    const er = json("er.json");
    await withSite(async (site) => {
      const opened = await site.openPage("science/automation.html");
      const main = async () => (await opened.page.textContent("#observablehq-main"))!;
      const atChosen = clusters.results.find((r: {k: number}) => r.k === clusters.chosenK);
      expect(await main()).toContain(atChosen.purity.toFixed(3));
      // The chosen k's purity as the median and range of its seeded runs, and both dedup shares.
      expect(await main()).toContain(`Purity at k = ${clusters.chosenK}, median`);
      expect(await main()).toContain(clusters.stability.purity.median.toFixed(3));
      expect(await main()).toContain(`range ${clusters.stability.purity.min.toFixed(3)} to ${clusters.stability.purity.max.toFixed(3)}`);
      expect(await main()).toContain("Near-duplicate share");
      expect(await main()).toContain(`${clusters.nearDuplicate.options.hashes} hash functions in ${clusters.nearDuplicate.options.bands} bands`);
      expect(await main()).toContain(er.agreement.ari.toFixed(3));
      // Scored on a hash sample of the population too, with its false links through shared identifiers.
      const sample = await opened.page.locator("#er-sample").innerText();
      expect(sample).toContain(er.populationSample.ari.toFixed(3));
      expect(sample).toContain(`${er.populationSample.accounts.correct} of the ${er.populationSample.accounts.linked} sampled accounts`);
      await setRange(opened, "k (clusters)", 4);
      const k4 = clusters.results.find((r: {k: number}) => r.k === 4);
      expect(await main()).toContain(`Purity at k = 4`);
      expect(await main()).toContain(k4.purity.toFixed(3));
      // Hostile texts from the real queue, found by search, show as characters.
      await opened.page.getByPlaceholder("Search distinct texts").fill("onerror");
      await opened.settle();
      const cells = await opened.page.locator("table").first().locator("tbody tr").allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.join(" ")).toContain("onerror");
      expect(await injectedElements(opened.page)).toEqual([]);
      const button = opened.page.locator('button[data-format="csv"]', {hasText: "linked accounts"});
      const download = await opened.download(() => button.click());
      const parsed = csvParse(readFileSync((await download.path())!, "utf8"));
      expect(parsed.length).toBe(er.linkedAccounts);
      await opened.assertClean();
    });
  });
});

describe("science/enforcement.html", () => {
  it("shows the costs the library computes for the chosen policy and downloads the actions", async () => {
    const model = json("model.json");
    const scored = (await rows("scored_user_day.arrow")).map((d) => ({...d, truth: d.truth_abusive, count: d.sample_weight})) as never[];
    const cost = (policy: EnforcementPolicy) => summarizeActions(scored, policy, {allow: 0, escalate: 0, ...model.costs});
    // The cards show the cost of mistakes both ways: wrongful actions and harm left up.
    const total = (s: ReturnType<typeof cost>, key: "expectedCost" | "actualCost") => (model.sample.sampled ? "≈ " : "") + Math.round(key === "expectedCost" ? totalCosts(s).expected : totalCosts(s).actual).toLocaleString("en-US");
    await withSite(async (site) => {
      const opened = await site.openPage("science/enforcement.html");
      const atDefaults = cost(model.policy);
      expect(await text(opened, "#expected-cost")).toBe(total(atDefaults, "expectedCost"));
      expect(await text(opened, "#actual-cost")).toBe(total(atDefaults, "actualCost"));
      await setRange(opened, "Block at risk", 0.97);
      const stricter = cost({...model.policy, block: 0.97});
      expect(await text(opened, "#actual-cost")).toBe(total(stricter, "actualCost"));
      expect(total(stricter, "actualCost")).not.toBe(total(atDefaults, "actualCost"));
      const button = opened.page.locator('button[data-format="csv"]').first();
      const download = await opened.download(() => button.click());
      const parsed = csvParse(readFileSync((await download.path())!, "utf8"));
      // The download lists rows (of the sample, if the build published one), not the cohort user-days they stand for.
      const acted = summarizeActions((scored as {count: number}[]).map((d) => ({...d, count: 1})) as never[], {...model.policy, block: 0.97}).filter((r) => r.action !== "allow").reduce((t, r) => t + r.cases, 0);
      expect(parsed.length).toBe(acted);
      expect(new Set(parsed.map((r) => r.action))).not.toContain("allow");
      await opened.assertClean();
    });
  });
});

describe("science/events.html and science/drift.html", () => {
  it("follow their inputs: another account's timeline, another feature's bins", async () => {
    await withSite(async (site) => {
      const events = await site.openPage("science/events.html");
      const heading = async () => (await events.page.locator(".card h2", {hasText: "events,"}).first().textContent())!;
      const before = await heading();
      const select = events.page.locator("form", {hasText: "Account"}).locator("select");
      const options = await select.locator("option").allTextContents();
      await select.selectOption({index: options.length - 1});
      await events.settle();
      expect(await heading()).not.toBe(before);
      await events.assertClean();

      const drift = await site.openPage("science/drift.html");
      const model = json("drift.json");
      const title = async () => (await drift.page.locator("#psi-feature-title").textContent())!;
      const first = await title();
      const other = [...model.features].sort((a: {psi: number}, b: {psi: number}) => a.psi - b.psi)[0];
      await drift.page.locator("form", {hasText: "Feature"}).locator("select").selectOption({label: other.label});
      await drift.settle();
      expect(await title()).not.toBe(first);
      expect(await title()).toContain(other.psi.toFixed(3));
      expect(await drift.page.locator(".incident").count()).toBe(json("incidents.json").length);
      await drift.assertClean();
    });
  });
});

describe("protection-science pages", () => {
  const pages = ["events", "sql", "monitoring", "detection", "review-queue", "automation", "enforcement", "drift", "summary", "model-card", "datasheet"];
  it("show no NaN, undefined or [object Object], in light and dark mode", async () => {
    await withSite(async (site) => {
      for (const name of pages) {
        for (const colorScheme of ["light", "dark"] as const) {
          const opened = await site.openPage(`science/${name}.html`, {colorScheme});
          const main = (await opened.page.textContent("#observablehq-main"))!;
          expect(main, name).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
          if (colorScheme === "dark" && ["detection", "automation", "drift"].includes(name)) await opened.screenshot(`science-${name}-dark.png`);
          await opened.assertClean();
          await opened.close();
        }
      }
    });
  });
});
