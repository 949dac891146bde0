import {describe, expect, it} from "vitest";
import {dedupe} from "../../../src/cluster/dedupe.js";
import {nearDuplicateGroups} from "../../../src/cluster/minhash.js";
import {COUNTRIES} from "../../../src/core/constants.js";
import {createRng} from "../../../src/core/random.js";
import {campaignTemplate, HOSTILE_PAYLOADS, LOOKALIKE_TEXT_KINDS, lookalikeTemplate, pickTemplate, renderSnippet, TEMPLATES} from "../../../src/world/text.js";
import {CAMPAIGN_SCRIPTS, GRAMMAR_LANGUAGES, LANGUAGES} from "../../../src/world/textGrammar.js";

const country = (code: string) => COUNTRIES.findIndex((c) => c.code === code);
const render = (templateId: number, n: number, countryIndex?: number, seed = 42) => Array.from({length: n}, (_, i) => renderSnippet(seed, i, templateId, countryIndex));

describe("TEMPLATES", () => {
  it("keeps the template ids and groups the world stores (25 organic, 6 campaigns, 4 look-alikes)", () => {
    expect(TEMPLATES).toHaveLength(35);
    expect(TEMPLATES.map((t) => t.id)).toEqual(TEMPLATES.map((_, i) => i));
    expect(TEMPLATES.filter((t) => t.group === "spam").map((t) => t.id)).toEqual([0, 1, 2, 3, 4]);
    expect(TEMPLATES.filter((t) => t.group === "child_safety").map((t) => t.id)).toEqual([18, 19]);
    expect(campaignTemplate("harassment_brigade")).toBe(25);
    expect(campaignTemplate("messaging_scam")).toBe(30);
    expect(LOOKALIKE_TEXT_KINDS.map(lookalikeTemplate)).toEqual([31, 32, 33, 34]);
    expect(Object.keys(CAMPAIGN_SCRIPTS).map((p) => TEMPLATES[campaignTemplate(p)].group)).toEqual(Object.keys(CAMPAIGN_SCRIPTS).map((p) => `campaign:${p}`));
    expect(() => campaignTemplate("nope")).toThrow(/unknown campaign: nope/);
  });
  it("pickTemplate(rng, category) draws only that category's templates", () => {
    const rng = createRng(1);
    for (let i = 0; i < 50; i++) expect(TEMPLATES[pickTemplate(rng, "nudity")].group).toBe("nudity");
  });
});

describe("grammar", () => {
  it("every pattern's slots exist in its language or in English", () => {
    // renderSnippet compiles every pattern at import; an unknown slot would have thrown there.
    for (const code of GRAMMAR_LANGUAGES) for (const words of Object.values(LANGUAGES[code].slots)) expect(words.length).toBeGreaterThan(0);
    for (let t = 0; t < TEMPLATES.length; t++) for (let c = 0; c < COUNTRIES.length; c++) expect(renderSnippet(7, c, t, c)).not.toMatch(/[{}]/);
  });
});

describe("renderSnippet", () => {
  it("renderSnippet(seed, flag, template, country) is a function of its arguments", () => {
    expect(renderSnippet(42, 17, 3, 2)).toBe(renderSnippet(42, 17, 3, 2));
    expect(new Set(Array.from({length: 20}, (_, s) => renderSnippet(s, 17, 3, 2))).size).toBeGreaterThan(10);
    expect(() => renderSnippet(42, 1, 99)).toThrow(/unknown template: 99/);
    expect(() => renderSnippet(42, 1, 0, 99)).toThrow(/unknown country: 99/);
  });
  it("writes a country's texts in its languages: Thai script in Thailand, Chinese in a share of Singapore's", () => {
    const thai = render(6, 400, country("TH")).filter((t) => /[\u0E00-\u0E7F]/.test(t)).length / 400;
    expect(thai).toBeGreaterThan(0.8);
    const zh = render(6, 400, country("SG")).filter((t) => /[\u4E00-\u9FFF]/.test(t)).length / 400;
    expect(zh).toBeGreaterThan(0.1);
    expect(zh).toBeLessThan(0.3);
    expect(render(6, 50).every((t) => !/[\u0E00-\u0E7F\u4E00-\u9FFF]/.test(t))).toBe(true);
  });
  it("gives organic texts real variety: few exact copies", () => {
    const texts = render(pickTemplate(createRng(2), "harassment_hate"), 500, country("US"));
    expect(dedupe(texts).duplicateShare).toBeLessThan(0.5);
  });
  it("copies a campaign script with edits: exact dedup splits it, MinHash joins most copies", () => {
    for (const purpose of Object.keys(CAMPAIGN_SCRIPTS)) {
      const texts = render(campaignTemplate(purpose), 300, country("ID"));
      expect(dedupe(texts).duplicateShare).toBeLessThan(0.6);
      const near = nearDuplicateGroups(texts);
      expect(Math.max(...near.sizes) / texts.length).toBeGreaterThan(0.8);
    }
  });
  it("obfuscates campaign copies (leetspeak, spacing, Cyrillic look-alikes)", () => {
    const texts = render(campaignTemplate("spam_bot_wave"), 400);
    expect(texts.some((t) => /[\u0400-\u04FF]/.test(t))).toBe(true);
    expect(texts.some((t) => /\b\w \w \w/.test(t))).toBe(true);
    expect(texts.some((t) => /[a-z][0-9][a-z]/i.test(t))).toBe(true);
  });
  it("renders benign look-alikes as near-identical copies", () => {
    for (const kind of LOOKALIKE_TEXT_KINDS) {
      const near = nearDuplicateGroups(render(lookalikeTemplate(kind), 200, country("GB")));
      expect(Math.max(...near.sizes)).toBeGreaterThan(180);
    }
  });
  it("puts a hostile payload in about 3% of spam", () => {
    const texts = render(0, 4000, country("US"));
    const share = texts.filter((t) => HOSTILE_PAYLOADS.some((p) => t.endsWith(p))).length / texts.length;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.045);
  });
});
