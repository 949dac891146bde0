/**
 * Every view is linkable: each input on each page writes its state to the URL as it changes, a page
 * opened with that URL starts in the same state and shows the same figures, back and forward step
 * through changes, and a URL value the input cannot take falls back to the default with a note.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {builtPages, DIST, settlePage, startSite, type Site} from "./site.js";

const ROOT = join(import.meta.dirname, "../..");
const INPUTS = /Inputs\.(range|number|select|radio|checkbox|toggle|date|text|search)\(/;
/**
 * Pages whose source declares an input (`view(Inputs...` or a form of inputs), or imports a component
 * that builds one (the case view's filters are docs/components/caseView.ts).
 */
const PAGES_WITH_INPUTS = builtPages(DIST).filter((html) => {
  // A page that adapts to the data has its Markdown in pages/ (its loader is in docs/); its imports are the page's.
  const page = join(ROOT, "docs", html.replace(/\.html$/, ".md"));
  const source = readFileSync(existsSync(page) ? page : join(ROOT, "pages", html.replace(/\.html$/, ".md")), "utf8");
  const components = [...source.matchAll(/from "((?:\.\.?\/)+components\/\w+)\.js"/g)].map((m) => readFileSync(join(page, "..", `${m[1]}.ts`), "utf8"));
  return [source, ...components].some((text) => INPUTS.test(text));
});

/** Inputs forms on the page (tables and buttons are not view state), and which of them are linked. */
async function inputForms(page: Page): Promise<{total: number; linked: string[]}> {
  return page.evaluate(() => {
    const forms = [...document.querySelectorAll<HTMLFormElement>("#observablehq-main form[class*='inputs-']")].filter((f) => !/-(table|button)\b/.test(f.className) && !f.querySelector("form"));
    return {total: forms.length, linked: forms.map((f) => f.dataset.param ?? "").filter(Boolean)};
  });
}

/** Moves one linked input to another valid state, as a reader would; returns false if it has no other state. */
async function move(page: Page, name: string): Promise<boolean> {
  return page.evaluate((name) => {
    const form = document.querySelector<HTMLFormElement>(`form[data-param="${name}"]`);
    if (!form) return false;
    const fire = (el: Element) => el.dispatchEvent(new Event("input", {bubbles: true}));
    const number = form.querySelector<HTMLInputElement>("input[type=number]");
    const select = form.querySelector<HTMLSelectElement>("select");
    const choices = [...form.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")];
    const date = form.querySelector<HTMLInputElement>("input[type=date]");
    const text = form.querySelector<HTMLInputElement>("input[type=search], input[type=text]");
    if (number) {
      const v = Number(number.value) === Number(number.max) ? Number(number.min) : Number(number.max);
      (form as unknown as {value: number}).value = v;
      fire(form);
    } else if (select) {
      if (select.options.length < 2) return false;
      select.selectedIndex = select.selectedIndex === select.options.length - 1 ? 0 : select.options.length - 1;
      fire(form);
    } else if (choices.length) {
      const radio = choices[0].type === "radio";
      if (radio) {
        const next = choices.find((c) => !c.checked);
        if (!next) return false;
        next.checked = true;
      } else choices[0].checked = !choices[0].checked;
      fire(form);
    } else if (date) {
      const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
      const target = day(date.value) - 7 * 86_400_000 >= day(date.min) ? day(date.value) - 7 * 86_400_000 : day(date.value) + 7 * 86_400_000;
      (form as unknown as {value: string}).value = new Date(target).toISOString().slice(0, 10);
      fire(form);
    } else if (text) {
      text.value = "a";
      fire(text);
    } else return false;
    return true;
  }, name);
}

/**
 * Each linked input's state as the reader sees it, and the page's text below the view bar, read after
 * two animation frames: the Observable runtime recomputes the cells an input invalidates in the next
 * frame, so a recompute that an input's event scheduled has run (and drawn) before the reading.
 */
async function snapshot(page: Page): Promise<{inputs: Record<string, string>; text: string}> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const inputs: Record<string, string> = {};
    for (const form of document.querySelectorAll<HTMLFormElement>("form[data-param]")) {
      const fields = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")];
      inputs[form.dataset.param!] = fields.map((f) => (f instanceof HTMLSelectElement ? f.selectedIndex : f.type === "radio" || f.type === "checkbox" ? f.checked : f.value)).join("|");
    }
    const main = document.querySelector<HTMLElement>("#observablehq-main")!.cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll("#view-bar, style, script")) el.remove();
    return {inputs, text: main.innerText};
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The snapshot once the view has stopped changing: two readings, a quiet 1.5 s apart, agree. A cell that
 * recomputes for longer than settlePage's quiet half second (a loaded machine) would otherwise be read
 * before it redraws.
 */
async function stableSnapshot(page: Page): Promise<Awaited<ReturnType<typeof snapshot>>> {
  let last = await snapshot(page);
  for (let i = 0; i < 10; i++) {
    await settlePage(page, {quietMs: 1500});
    const next = await snapshot(page);
    if (same(next, last)) return next;
    last = next;
  }
  return last;
}

/** The page's snapshot once it equals `want`, or after `timeoutMs` whatever it is (the caller compares). */
async function snapshotUntil(page: Page, want: unknown, timeoutMs = 20_000): Promise<Awaited<ReturnType<typeof snapshot>>> {
  const start = Date.now();
  let seen = await snapshot(page);
  while (!same(seen, want) && Date.now() - start < timeoutMs) {
    await settlePage(page, {quietMs: 500});
    seen = await snapshot(page);
  }
  return seen;
}

describe("linkable views", () => {
  let site: Site & {close(): Promise<void>};
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  it("finds the pages with inputs", () => {
    expect(PAGES_WITH_INPUTS.length).toBeGreaterThanOrEqual(9);
  });

  // Each page in its own contexts, two pages at a time (the browser project's maxConcurrency).
  it.concurrent.for(PAGES_WITH_INPUTS)("%s: every input writes the URL, the URL reopens the same view, and a bad value falls back with a note", async (path, {expect}) => {
    const opened = await site.openPage(path);
    const {page} = opened;
    const defaults = await snapshot(page);
    const forms = await inputForms(page);
    expect(forms.total).toBeGreaterThan(0);
    expect(forms.linked.length, `unlinked inputs on ${path}`).toBe(forms.total);
    // No input takes this value: it is no number, date, option or on/off, and too long for a search box.
    // That page depends on nothing the moves do: it loads in its own context while they run.
    const bad = new URLSearchParams(forms.linked.map((name) => [name, "<script>-not-a-value".repeat(12)]));
    const refusing = site.openPage(`${path}?${bad}`);
    refusing.catch(() => {}); // awaited below; this only keeps an early failure from leaving it unhandled
    for (const name of forms.linked) {
      const before = page.url();
      if (!(await move(page, name))) continue;
      await settlePage(page);
      expect(page.url(), `${name} did not write the URL`).not.toBe(before);
    }
    const moved = await stableSnapshot(page);
    // Every move has settled and the test has only read the page since: its quiet counts from its last
    // change. The moved URL reopens in a fresh context meanwhile; its charts may still be drawing.
    const [again] = await Promise.all([site.openPage(page.url().slice(site.baseUrl.length)), opened.assertClean({fromLastChange: true})]);
    expect(await snapshotUntil(again.page, moved)).toEqual(moved);
    await again.assertClean({fromLastChange: true});
    const refused = await refusing;
    const notes = await refused.page.locator(".url-note").allInnerTexts();
    expect(notes.length).toBe(forms.linked.length);
    expect(notes.every((n) => /^The link's [\w-]+=“.*” was ignored \(.+\); showing the default\.$/.test(n))).toBe(true);
    expect((await snapshot(refused.page)).inputs).toEqual(defaults.inputs);
    await refused.assertClean({fromLastChange: true});
    await Promise.all([opened.close(), again.close(), refused.close()]);
  });

  it("back and forward step through changes", async () => {
    const {page, assertClean, close} = await site.openPage("anomalies.html");
    const start = await stableSnapshot(page);
    await move(page, "window");
    await settlePage(page);
    const moved = await stableSnapshot(page);
    expect(page.url()).toMatch(/[?&]window=28\b/);
    await page.goBack();
    await settlePage(page);
    expect(await snapshotUntil(page, start)).toEqual(start);
    await page.goForward();
    await settlePage(page);
    expect(await snapshotUntil(page, moved)).toEqual(moved);
    await assertClean();
    await close();
  });
});
