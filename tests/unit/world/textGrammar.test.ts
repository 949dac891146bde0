import {describe, expect, it} from "vitest";
import {CATEGORIES, COUNTRIES} from "../../../src/core/constants.js";
import {ATTACKS, LOOKALIKE_KINDS} from "../../../src/core/scenarios.js";
import {LOOKALIKE_TEXT_KINDS} from "../../../src/world/text.js";
import {CAMPAIGN_SCRIPTS, GRAMMAR_LANGUAGES, LANGUAGES, LOOKALIKE_SCRIPTS, type Pattern} from "../../../src/world/textGrammar.js";
import {ringSpecsFor} from "../../../src/world/users.js";

const phrasings = (p: Pattern): readonly string[] => (typeof p === "string" ? [p] : p);
/** Every phrasing of every category of a language. */
const patternsOf = (code: (typeof GRAMMAR_LANGUAGES)[number]) => Object.values(LANGUAGES[code].categories).flatMap((entries) => entries!.flatMap(phrasings));
const THAI = /[\u0E00-\u0E7F]/;
const CJK = /[\u4E00-\u9FFF]/;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

describe("GRAMMAR_LANGUAGES and LANGUAGES", () => {
  it("GRAMMAR_LANGUAGES is English, Indonesian, Malay, Tagalog, Thai, Vietnamese and Chinese, and LANGUAGES has one grammar for each", () => {
    expect([...GRAMMAR_LANGUAGES]).toEqual(["EN", "ID", "MS", "TL", "TH", "VI", "ZH"]);
    expect(Object.keys(LANGUAGES)).toEqual([...GRAMMAR_LANGUAGES]);
  });

  it("covers every language of the APAC countries; other countries' languages (ES, PT, DE, …) are written in English", () => {
    const apac = new Set(COUNTRIES.filter((c) => c.region === "APAC").flatMap((c) => Object.keys(c.languages)));
    expect([...apac].filter((l) => !(GRAMMAR_LANGUAGES as readonly string[]).includes(l))).toEqual([]);
    expect((GRAMMAR_LANGUAGES as readonly string[]).includes("ES")).toBe(false);
  });

  it("LANGUAGES.EN has every category: 5 spam, 5 harassment, 4 nudity, 4 misinformation, 2 child-safety and 5 other intents", () => {
    expect(CATEGORIES.map((k) => LANGUAGES.EN.categories[k]?.length)).toEqual([5, 5, 4, 4, 2, 5]);
  });

  it("writes child-safety texts (redaction notes) in English only", () => {
    expect(GRAMMAR_LANGUAGES.filter((l) => LANGUAGES[l].categories.child_safety)).toEqual(["EN"]);
  });

  it("gives no language more intents for a category than English has templates (entry i is template i's intent)", () => {
    for (const l of GRAMMAR_LANGUAGES) {
      for (const k of CATEGORIES) expect(LANGUAGES[l].categories[k]?.length ?? 0, `${l} ${k}`).toBeLessThanOrEqual(LANGUAGES.EN.categories[k]!.length);
    }
  });

  it("every language but English has an intent for spam, harassment, nudity, misinformation and other", () => {
    for (const l of GRAMMAR_LANGUAGES) expect(Object.keys(LANGUAGES[l].categories).sort(), l).toEqual(l === "EN" ? [...CATEGORIES].sort() : ["harassment_hate", "misinformation", "nudity", "other", "spam"]);
  });

  it("every pattern's braces pair up: nothing is left of { or } once the {…} groups are taken out", () => {
    const all = [...GRAMMAR_LANGUAGES.flatMap(patternsOf), ...Object.values(CAMPAIGN_SCRIPTS), ...Object.values(LOOKALIKE_SCRIPTS), ...GRAMMAR_LANGUAGES.flatMap((l) => LANGUAGES[l].chain ?? [])];
    expect(all.filter((p) => /[{}]/.test(p.replace(/\{[^{}]*\}/g, "")))).toEqual([]);
  });

  it("writes Thai in Thai script, Chinese in Han characters and Vietnamese with its diacritics, in every pattern", () => {
    expect(patternsOf("TH").filter((p) => !THAI.test(p))).toEqual([]);
    expect(patternsOf("ZH").filter((p) => !CJK.test(p))).toEqual([]);
    expect(patternsOf("VI").filter((p) => !VIETNAMESE.test(p))).toEqual([]);
  });

  it("writes English, Indonesian, Malay and Tagalog in Latin script: no Thai or Han characters", () => {
    for (const l of ["EN", "ID", "MS", "TL"] as const) expect(patternsOf(l).filter((p) => THAI.test(p) || CJK.test(p)), l).toEqual([]);
  });

  it("opens and closes posts with nothing most often, and with a word set off by a space except in Chinese", () => {
    for (const l of GRAMMAR_LANGUAGES) {
      const {open, close} = LANGUAGES[l];
      for (const words of [open, close]) {
        const empty = words.filter((w) => w === "").length;
        expect(empty, l).toBeGreaterThanOrEqual(3);
        expect(empty, l).toBeGreaterThanOrEqual(words.length / 3);
      }
      if (l === "ZH") continue;
      expect(open.filter((w) => w !== "" && !w.endsWith(" ")), l).toEqual([]);
      expect(close.filter((w) => w !== "" && !w.startsWith(" ")), l).toEqual([]);
    }
  });

  it("fills every slot with distinct, non-empty words", () => {
    for (const l of GRAMMAR_LANGUAGES) {
      for (const [slot, words] of Object.entries(LANGUAGES[l].slots)) {
        expect(words.length, `${l} ${slot}`).toBeGreaterThan(1);
        expect(new Set(words).size, `${l} ${slot}`).toBe(words.length);
        expect(words.includes(""), `${l} ${slot}`).toBe(false);
      }
    }
  });
});

describe("CAMPAIGN_SCRIPTS and LOOKALIKE_SCRIPTS", () => {
  it("CAMPAIGN_SCRIPTS has one script per attack pattern and the messaging scam: every ring that posts", () => {
    expect(Object.keys(CAMPAIGN_SCRIPTS)).toEqual([...ATTACKS.map((a) => a.pattern), "messaging_scam"]);
    const posting = ringSpecsFor(1).map((r) => r.purpose).filter((p) => !p.startsWith("dormant_"));
    expect(Object.keys(CAMPAIGN_SCRIPTS).sort()).toEqual(posting.sort());
  });

  it("LOOKALIKE_SCRIPTS has a text for each look-alike text kind, all of them look-alike kinds of the scenarios", () => {
    expect(Object.keys(LOOKALIKE_SCRIPTS)).toEqual([...LOOKALIKE_TEXT_KINDS]);
    for (const k of LOOKALIKE_TEXT_KINDS) expect(LOOKALIKE_KINDS).toContain(k);
  });

  it("LOOKALIKE_SCRIPTS.chain_message is English's chain message; Indonesian, Thai, Vietnamese and Chinese have their own", () => {
    expect(LOOKALIKE_SCRIPTS.chain_message).toBe(LANGUAGES.EN.chain);
    expect(GRAMMAR_LANGUAGES.filter((l) => LANGUAGES[l].chain)).toEqual(["EN", "ID", "TH", "VI", "ZH"]);
    for (const l of GRAMMAR_LANGUAGES) if (LANGUAGES[l].chain) expect(LANGUAGES[l].chain, l).toContain("{thing}");
  });
});
