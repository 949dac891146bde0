/**
 * Regressions of issue #16 on the study pages (investigation, experiment, incident, protection
 * science), as a reader sees them: chart labels inside their chart, no element wider than a phone,
 * heatmap labels readable in both themes, the period stated at the top, comparisons in pp.
 */
import {describe, expect, it} from "vitest";
import {withSite, type OpenedPage} from "./site.js";

/** Texts of the SVG that contains `marker` that extend more than 2 px outside that SVG's box. */
async function clippedLabels(opened: OpenedPage, marker: string): Promise<string[]> {
  return opened.page.evaluate((marker) => {
    const svg = [...document.querySelectorAll("svg")].find((s) => [...s.querySelectorAll("text")].some((t) => (t.textContent ?? "").includes(marker)));
    if (!svg) return [`no chart with "${marker}"`];
    const box = svg.getBoundingClientRect();
    const out: string[] = [];
    for (const t of svg.querySelectorAll("text")) {
      if (!(t.textContent ?? "").trim() || t.closest('[aria-label="tip"]')) continue;
      const r = t.getBoundingClientRect();
      const by = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
      if (by > 2) out.push(`${t.textContent} (${Math.round(by)} px)`);
    }
    return out;
  }, marker);
}

/** Elements that reach past the viewport's right edge with no sideways-scrolling box around them. */
async function overflowing(opened: OpenedPage): Promise<string[]> {
  return opened.page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const scrolls = (el: Element) => /^(auto|scroll|hidden|clip)$/.test(getComputedStyle(el).overflowX);
    const found: Element[] = [];
    for (const el of main.querySelectorAll("*")) {
      if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1) continue;
      let held = false;
      for (let a = el.parentElement; a && a !== main; a = a.parentElement) if (scrolls(a)) held = true;
      if (!held && !found.some((f) => f.contains(el))) found.push(el);
    }
    return found.map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").trim().slice(0, 30)}" reaches ${Math.round(el.getBoundingClientRect().right)} px`);
  });
}

/** Each numeric label of the heatmap with an axis tick "C0": its WCAG contrast against the cell beneath it. */
async function heatmapLabelContrast(opened: OpenedPage): Promise<{text: string; ratio: number}[]> {
  return opened.page.evaluate(() => {
    const parse = (c: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      const v = m ? m[1].split(/[\s,/]+/).filter(Boolean).map(Number) : [0, 0, 0];
      return {r: v[0], g: v[1], b: v[2]};
    };
    const lum = (c: {r: number; g: number; b: number}) => {
      const f = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const svg = [...document.querySelectorAll("svg")].find((s) => [...s.querySelectorAll("text")].some((t) => t.textContent === "C0"));
    if (!svg) return [{text: "no heatmap", ratio: 0}];
    // elementsFromPoint sees only the viewport: bring the chart's top into it.
    svg.scrollIntoView({block: "start"});
    const out: {text: string; ratio: number}[] = [];
    for (const t of svg.querySelectorAll("text")) {
      if (!/^\d+$/.test(t.textContent ?? "") || t.closest('[aria-label="tip"]')) continue;
      const r = t.getBoundingClientRect();
      const cell = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2).find((e) => e.tagName.toLowerCase() === "rect" && svg.contains(e));
      if (!cell) continue;
      const a = lum(parse(getComputedStyle(t).fill));
      const b = lum(parse(getComputedStyle(cell).fill));
      out.push({text: t.textContent ?? "", ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)});
    }
    return out;
  });
}

describe("study pages: layout", () => {
  it("experiment.html: the forest plot's metric labels stay inside the chart at 1280 and 390 px", async () => {
    await withSite(async (site) => {
      for (const width of [1280, 390]) {
        const opened = await site.openPage("experiment.html", {width});
        expect(await clippedLabels(opened, "(primary)"), `at ${width} px`).toEqual([]);
        await opened.close();
      }
    });
  });

  it("investigation.html: the waterfall's week labels stay inside the chart at 1280 and 390 px", async () => {
    await withSite(async (site) => {
      for (const width of [1280, 390]) {
        const opened = await site.openPage("investigation.html", {width});
        expect(await clippedLabels(opened, "Everything"), `at ${width} px`).toEqual([]);
        await opened.close();
      }
    });
  });

  it("no element is wider than a 390 px phone on investigation, science/enforcement, science/events, science/sql", async () => {
    await withSite(async (site) => {
      for (const page of ["investigation.html", "science/enforcement.html", "science/events.html", "science/sql.html"]) {
        const opened = await site.openPage(page, {width: 390});
        expect(await overflowing(opened), page).toEqual([]);
        await opened.close();
      }
    });
  });

  it("science/automation.html: heatmap labels have at least 4.5:1 contrast against their cell, light and dark", async () => {
    await withSite(async (site) => {
      for (const colorScheme of ["light", "dark"] as const) {
        const opened = await site.openPage("science/automation.html", {colorScheme});
        const labels = await heatmapLabelContrast(opened);
        expect(labels.length, colorScheme).toBeGreaterThan(3);
        expect(labels.filter((l) => l.ratio < 4.5), colorScheme).toEqual([]);
        await opened.close();
      }
    });
  });
});

describe("study pages: period and comparisons", () => {
  const pages = ["investigation.html", "experiment.html", "incident.html", ...["automation", "datasheet", "detection", "drift", "enforcement", "events", "model-card", "monitoring", "review-queue", "sql"].map((p) => `science/${p}.html`)];
  it("every study page states its period at the top", async () => {
    await withSite(async (site) => {
      for (const page of pages) {
        const opened = await site.openPage(page);
        const note = await opened.page.evaluate(() => {
          const p = document.querySelector("#observablehq-main .period-note");
          const firstCard = document.querySelector("#observablehq-main .card");
          const before = !!p && (!firstCard || !!(p.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING));
          return {text: p?.textContent ?? "", before};
        });
        expect(note.text, page).toMatch(/^Period: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(\d+ days?, UTC\)/);
        expect(note.before, `${page}: the period comes before the first card`).toBe(true);
        await opened.close();
      }
    });
  });

  it("experiment.html: the primary metric's change reads in pp with its interval, not as a relative change", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("experiment.html");
      const card = opened.page.locator(".card", {has: opened.page.locator("h2", {hasText: "Change in abusive message share"})});
      expect(await card.locator(".big").textContent()).toMatch(/^[+−]\d+\.\d\d pp$/);
      expect(await card.textContent()).toMatch(/95% CI [+−]\d+\.\d\d pp to [+−]\d+\.\d\d pp/);
      await opened.assertClean();
    });
  });

  it("investigation.html: the case week's reports card is the dictionary's Reports KPI with its window", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("investigation.html");
      const card = opened.page.locator('[data-kpi="reports"]').first();
      const from = await card.getAttribute("data-from");
      const to = await card.getAttribute("data-to");
      expect(from).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(Date.parse(to!) - Date.parse(from!)).toBe(6 * 86_400_000);
      expect(await card.locator("h2").textContent()).toBe("Reports");
      expect(await card.textContent()).toContain(`Case week ${from} to ${to}`);
      expect(Number(await card.getAttribute("data-value"))).toBeGreaterThan(0);
      await opened.assertClean();
    });
  });

  it("incident.html: precision before and during the push shows counts, 95% intervals and the pp difference", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("incident.html");
      const item = opened.page.locator("li", {hasText: "Enforcement quality"});
      expect(await item.textContent()).toMatch(/\d+\.\d% \([\d,]+ of [\d,]+; 95% CI [\d.]+–[\d.]+%.*\) during the push: [+−]\d+\.\d pp; the 95% intervals (do not overlap|overlap, so the data do not separate them)\./);
      await opened.assertClean();
    });
  });
});
