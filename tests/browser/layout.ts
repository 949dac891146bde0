/**
 * Layout checks that run inside a built page (page.evaluate(LAYOUT_CHECK)): what a reader on a phone
 * or in dark mode would see broken. The script is a string so that any runner (vitest, tsx) can pass
 * it to the browser unchanged. It returns one line per problem:
 * - overflow: an element reaches past the viewport's right edge and no scrolling container holds it;
 * - clipped: an SVG text label extends outside its chart's box;
 * - contrast: an SVG text label has a contrast ratio under 4.5:1 (WCAG AA) against what lies beneath it;
 * - scroll: a container scrolls sideways without a visible cue (the scroll shadows of docs/style.css),
 *   or cuts its content without scrolling.
 */
export const LAYOUT_CHECK = String.raw`(() => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const visible = (el) => {
    const s = getComputedStyle(el);
    if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const hiddenByAncestor = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.display === "none" || s.visibility === "hidden") return true;
    }
    return false;
  };
  const describe = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).slice(0, 2).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : "");
  };
  const scrollsX = (el) => {
    const s = getComputedStyle(el);
    return (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden" || s.overflowX === "clip") && el !== document.documentElement && el !== document.body;
  };
  // Sideways overflow: report the outermost element that sticks out, not each of its children.
  const main = document.querySelector("#observablehq-main") || document.body;
  const reported = [];
  for (const el of main.querySelectorAll("*")) {
    if (!visible(el) || el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 1) continue;
    let held = false;
    for (let a = el.parentElement; a && a !== main; a = a.parentElement) if (scrollsX(a)) { held = true; break; }
    if (held || reported.some((p) => p.contains(el))) continue;
    reported.push(el);
    problems.push("overflow: " + describe(el) + " reaches " + Math.round(r.right) + " px in a " + vw + " px viewport");
  }
  // Scroll containers: a cue when they scroll, never a cut without scrolling.
  for (const el of main.querySelectorAll("*")) {
    if (!visible(el) || el.closest("svg")) continue;
    const s = getComputedStyle(el);
    if (el.scrollWidth <= el.clientWidth + 2) continue;
    if (s.overflowX === "auto" || s.overflowX === "scroll") {
      if (!/gradient/.test(s.backgroundImage)) problems.push("scroll: " + describe(el) + " scrolls sideways (" + el.scrollWidth + " > " + el.clientWidth + " px) without a visible cue");
    } else if ((s.overflowX === "hidden" || s.overflowX === "clip") && !/^(td|th)$/i.test(el.tagName) && s.textOverflow !== "ellipsis") {
      problems.push("scroll: " + describe(el) + " cuts " + (el.scrollWidth - el.clientWidth) + " px of its content without scrolling");
    }
  }
  // Colours: parse rgb(a), blend over a background, WCAG contrast.
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const v = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return {r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1};
  };
  const over = (top, bottom, alpha) => ({r: top.r * alpha + bottom.r * (1 - alpha), g: top.g * alpha + bottom.g * (1 - alpha), b: top.b * alpha + bottom.b * (1 - alpha), a: 1});
  const lum = (c) => {
    const f = (x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const pageBackground = (el) => {
    const layers = [];
    for (let a = el; a; a = a.parentElement) {
      const c = parse(getComputedStyle(a).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let base = {r: 255, g: 255, b: 255, a: 1};
    for (const c of layers.reverse()) base = c.a >= 1 ? c : over(c, base, c.a);
    return base;
  };
  const opacityOf = (el, stop) => {
    let o = 1;
    for (let a = el; a && a !== stop; a = a.parentElement) {
      const s = getComputedStyle(a);
      o *= Number(s.opacity);
      if (a === el) o *= Number(s.fillOpacity);
    }
    return o;
  };
  for (const svg of main.querySelectorAll("svg")) {
    if (!visible(svg) || hiddenByAncestor(svg)) continue;
    const box = svg.getBoundingClientRect();
    if (box.width < 40 || box.height < 20) continue; // icons
    const shapes = [...svg.querySelectorAll("rect, circle, ellipse, path, polygon")].filter((shape) => !shape.closest('[aria-label="tip"]') && visible(shape)).map((shape) => ({shape, r: shape.getBoundingClientRect()}));
    for (const text of svg.querySelectorAll("text")) {
      if (!visible(text) || !(text.textContent || "").trim() || text.closest('[aria-label="tip"]')) continue;
      const t = text.getBoundingClientRect();
      const out = Math.max(box.left - t.left, t.right - box.right, box.top - t.top, t.bottom - box.bottom);
      if (out > 2) problems.push("clipped: " + describe(text) + " extends " + Math.round(out) + " px outside its chart");
      // What lies beneath the label's centre: the last filled shape of the same chart painted under it
      // (a hit test of its own, since elementsFromPoint sees only what is inside the viewport).
      const cx = (Math.max(t.left, box.left) + Math.min(t.right, box.right)) / 2, cy = (t.top + t.bottom) / 2;
      const background = pageBackground(svg);
      let under = background;
      for (let i = shapes.length - 1; i >= 0; i--) {
        const {shape, r} = shapes[i];
        if (cx < r.left || cx > r.right || cy < r.top || cy > r.bottom) continue;
        if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        const m = shape.getScreenCTM();
        if (m && shape.isPointInFill && !shape.isPointInFill(new DOMPoint(cx, cy).matrixTransform(m.inverse()))) continue;
        const fill = parse(getComputedStyle(shape).fill);
        if (!fill || fill.a === 0) continue;
        under = over(fill, background, fill.a * opacityOf(shape, svg));
        break;
      }
      const ts = getComputedStyle(text);
      const halo = parse(ts.stroke);
      if (halo && halo.a > 0 && parseFloat(ts.strokeWidth) >= 2) under = over(halo, under, halo.a * Number(ts.strokeOpacity));
      const fill = parse(ts.fill);
      if (!fill) continue;
      const color = over(fill, under, fill.a * opacityOf(text, svg));
      const c = ratio(color, under);
      if (c < 4.5) problems.push("contrast: " + describe(text) + " is " + c.toFixed(2) + ":1 against its background");
    }
  }
  return problems;
})()`;
