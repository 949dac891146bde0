import type {Page} from "playwright-core";

/**
 * Elements on the page that could only come from markup in the data: inline event handlers, script
 * or frame elements the site does not ship, javascript: URLs, and the payloads' tell-tale attributes.
 * Returns a description of each (empty when the page renders every data text inertly).
 */
export function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const tag = el.tagName.toLowerCase();
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.trim().toLowerCase();
        if (attr.name.startsWith("on")) found.push(`<${tag} ${attr.name}>`);
        if ((attr.name === "href" || attr.name === "src" || attr.name === "data" || attr.name === "action") && value.startsWith("javascript:")) found.push(`<${tag} ${attr.name}=javascript:>`);
      }
      if (["iframe", "object", "embed", "marquee", "meta"].includes(tag) && !el.closest("head")) found.push(`<${tag}>`);
      if (tag === "img" && el.getAttribute("src") === "x") found.push("<img src=x>");
      if (tag === "script" && /evil\.example|alert\(/.test(el.textContent ?? "")) found.push("<script> with a payload");
      if (tag === "style" && (el.textContent ?? "").includes("evil.example")) found.push("<style> with a payload");
    }
    return found;
  });
}
