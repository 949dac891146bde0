/**
 * Where an input change spends its time in the browser: moves a range input n times (300 ms apart)
 * under Chromium's sampling profiler and prints the functions with the most self time.
 * Usage: npx tsx bench/profile.ts <dist> <page.html> "<input label>" [n]
 */
import {startSite} from "../tests/browser/site.js";
const [dist, pagePath, label, n = "30"] = process.argv.slice(2);
if (!label) throw new Error("usage: npx tsx bench/profile.ts <dist> <page.html> <input label> [n]");
const site = await startSite({dist});
const ctxNew = site.browser.newContext.bind(site.browser);
// esbuild's __name helper, which tsx adds to the functions that page.evaluate sends.
site.browser.newContext = async (o) => { const c = await ctxNew(o); await c.addInitScript({content: "window.__name = (f) => f;"}); return c; };
const opened = await site.openPage(pagePath);
const cdp = await opened.context.newCDPSession(opened.page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", {interval: 200});
await cdp.send("Profiler.start");
await opened.page.evaluate(async ({label, n}) => {
  const form = [...document.querySelectorAll("form")].find((f) => f.querySelector("label")?.textContent?.trim() === label)!;
  const range = form.querySelector("input[type=range]") as HTMLInputElement;
  const min = +range.min, max = +range.max, step = +range.step;
  for (let i = 0; i < n; i++) {
    range.value = String(min + ((i * 7) % Math.round((max - min) / step)) * step);
    range.dispatchEvent(new Event("input", {bubbles: true}));
    await new Promise((r) => setTimeout(r, 300));
  }
}, {label, n: Number(n)});
const {profile} = await cdp.send("Profiler.stop");
const self = new Map<string, number>();
const dt = new Map<number, number>();
profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
for (const node of profile.nodes) {
  const f = node.callFrame;
  const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
await site.close();
