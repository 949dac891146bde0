/**
 * The report pages as a reader sees them: the home page's posture colour and dictionary KPI cards, the
 * weekly report's dictionary cards, the insights' anomaly count against the Anomalies page, and the
 * period every report page states at its top, at 390 px and in dark mode.
 */
import {describe, expect, it} from "vitest";
import {withSite} from "./site.js";

/** A colour as the browser computes it ("rgb(r, g, b)"), for a CSS value such as var(--theme-red). */
const computed = (value: string) => {
  const probe = document.createElement("span");
  probe.style.color = value;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
};

describe("report pages", () => {
  it("index: the posture is coloured with the theme's red, yellow or green, in light and dark", async () => {
    await withSite(async (site) => {
      for (const colorScheme of ["light", "dark"] as const) {
        const opened = await site.openPage("index.html", {colorScheme});
        await opened.settle();
        const shown = await opened.page.evaluate((fn) => {
          const colorOf = new Function(`return (${fn})`)() as (v: string) => string;
          const posture = document.querySelector(".posture") as HTMLElement;
          const tone = {elevated: "red", guarded: "yellow", stable: "green"}[posture.textContent!.trim().toLowerCase()];
          return {
            tone,
            background: getComputedStyle(posture).backgroundColor,
            expected: colorOf(`var(--theme-${tone})`),
            text: getComputedStyle(document.body).color,
            attribute: posture.getAttribute("style") ?? ""
          };
        }, computed.toString());
        expect(shown.tone, colorScheme).toBeDefined();
        expect(shown.attribute).not.toContain("${");
        expect(shown.background, colorScheme).toBe(shown.expected);
        expect(shown.background, colorScheme).not.toBe(shown.text);
        expect(shown.background, colorScheme).not.toBe("rgba(0, 0, 0, 0)");
        await opened.assertClean();
        await opened.close();
      }
    });
  });

  it("index: every KPI card is a dictionary card (data-kpi) over the last 30 days, with its definition", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("index.html");
      await opened.settle();
      const cards = await opened.page.$$eval("#home-kpis .kpi-card", (els) => els.map((el) => ({...(el as HTMLElement).dataset, title: el.querySelector("h2")!.textContent, tip: el.querySelector(".kpi-definition")?.textContent ?? ""}) as Record<string, string | null | undefined>));
      expect(cards.map((c) => c.kpi)).toEqual(["harm_prevalence", "tta_high_p50", "tta_high_p90", "median_response_time", "backlog_health", "qa_pass_rate", "proactive_share", "appeal_overturn_rate"]);
      for (const c of cards) {
        expect(c).toMatchObject({from: "2025-08-02", to: "2025-08-31"});
        expect(c.tip).toMatch(/Numerator: /);
        expect(Number.isFinite(Number(c.value))).toBe(true);
      }
      expect(cards.find((c) => c.kpi === "tta_high_p50")!.title).toBe("Time to action, high severity (P50)");
      expect(cards.find((c) => c.kpi === "qa_pass_rate")!.title).toBe("Enforcement accuracy (QA pass rate), high severity");
      // Rates change in pp.
      const changes = await opened.page.$$eval('#home-kpis .kpi-card[data-kpi="qa_pass_rate"] .kpi-change', (els) => els.map((e) => e.textContent));
      expect(changes[0]).toMatch(/ pp /);
      await opened.assertClean();
      await opened.close();
    });
  });

  it("ops/weekly: time to action and SLA breaches are the dictionary's cards for the week", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("ops/weekly.html");
      await opened.settle();
      const cards = await opened.page.$$eval(".kpi-card", (els) => els.map((el) => ({...(el as HTMLElement).dataset})));
      const week = await opened.page.$eval(".period-note", (el) => ({...(el as HTMLElement).dataset}));
      expect(cards.map((c) => c.kpi).sort()).toEqual(["backlog_health", "tta_high_p50"]);
      for (const c of cards) expect({from: c.from, to: c.to}).toEqual(week);
      const text = await opened.page.locator("#weekly-report").textContent();
      expect(text).not.toMatch(/NaN|undefined/);
      await opened.assertClean();
      await opened.close();
    });
  });

  it("insights: the anomaly count is the one the Anomalies page shows at its defaults, in both scopes", async () => {
    await withSite(async (site) => {
      const anomalies = await site.openPage("anomalies.html");
      await anomalies.settle();
      const shown = (await anomalies.page.locator("#flagged-count").textContent())!.trim();
      await anomalies.close();
      const opened = await site.openPage("insights.html");
      await opened.settle();
      const scopes = await opened.page.locator("form input[type=radio]").count();
      expect(scopes).toBe(2);
      for (let i = 0; i < scopes; i++) {
        await opened.page.locator("form input[type=radio]").nth(i).check();
        await opened.settle();
        const text = await opened.page.locator('.insight[data-id="anomalies"] p').textContent();
        expect(text).toContain(`${shown} days are flagged`);
      }
      await opened.assertClean();
      await opened.close();
    });
  });

  it("report pages state their period at the top and fit a 390 px phone in dark mode", async () => {
    await withSite(async (site) => {
      for (const path of ["index.html", "insights.html", "ops/weekly.html", "science/summary.html"]) {
        const opened = await site.openPage(path, {width: 390, colorScheme: "dark"});
        await opened.settle();
        const note = await opened.page.$eval(".period-note", (el) => el.textContent);
        expect(note, path).toMatch(/^Period: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
        // Wider than the phone, and not inside something that scrolls or clips it.
        const wide = await opened.page.evaluate(() => {
          const contained = (el: Element) => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (/auto|scroll|hidden/.test(getComputedStyle(p).overflowX)) return true;
            return false;
          };
          return [...document.querySelectorAll("#observablehq-main *")]
            .filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !contained(el))
            .map((el) => `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className)}`.slice(0, 60));
        });
        expect(wide, path).toEqual([]);
        await opened.assertClean();
        await opened.close();
      }
    });
  });
});
