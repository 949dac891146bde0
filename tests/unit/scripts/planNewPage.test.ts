import {describe, expect, it} from "vitest";
import {checkPageName, checkTitle, MARKER, pageFromTemplate, registerPage} from "../../../scripts/planNewPage.js";

const CONFIG = `export default {\n  pages: [\n    {\n      name: "Deep dives",\n      pages: [\n        ${MARKER}\n      ]\n    }\n  ]\n};\n`;

describe("planNewPage", () => {
  it("checkPageName(name) accepts kebab-case and rejects the rest", () => {
    expect(checkPageName("spam-in-brazil")).toBe("spam-in-brazil");
    for (const bad of ["", "Spam", "a b", "../x", "a--b", "-a", "a_b", undefined]) expect(() => checkPageName(bad)).toThrow(/invalid page name/);
  });
  it("checkTitle(title) wants one line of 1 to 80 characters", () => {
    expect(checkTitle("  Spam in Brazil ")).toBe("Spam in Brazil");
    for (const bad of ["", "   ", "a\nb", "x".repeat(81), undefined]) expect(() => checkTitle(bad)).toThrow(/invalid title/);
  });
  it("pageFromTemplate(template, title) replaces the front-matter title and the heading, quoting YAML", () => {
    const page = pageFromTemplate("---\ntitle: Template\n---\n\n# Template\n\nBody # not a heading\n", 'Spam: "wave"');
    expect(page).toBe('---\ntitle: "Spam: \\"wave\\""\n---\n\n# Spam: "wave"\n\nBody # not a heading\n');
  });
  it("registerPage(config, name, title) inserts an entry above the marker with its indent, once", () => {
    const once = registerPage(CONFIG, "spam-in-brazil", "Spam in Brazil");
    expect(once).toContain(`        {name: "Spam in Brazil", path: "/spam-in-brazil"},\n        ${MARKER}`);
    expect(() => registerPage(once, "spam-in-brazil", "Again")).toThrow("page already registered: /spam-in-brazil");
    expect(() => registerPage("export default {};", "x", "X")).toThrow(/has no/);
  });
});
