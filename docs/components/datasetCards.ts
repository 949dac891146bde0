import {FileAttachment} from "observablehq:stdlib";
import {html} from "htl";
import {dataLink} from "./dataLink.js";
import {fileLink} from "./download.js";
import {derivedCards, tableCards, type CatalogDerived, type CatalogTable, type DatasetCard} from "../lib/io/datasetCards.js";
import {SCHEMAS} from "../lib/io/contracts.js";

// Links only: these files are downloaded when clicked, never loaded by the page. Framework registers a
// file only from a literal FileAttachment path, so each is listed.
const ARROW: Record<string, string> = {
  daily_country: FileAttachment("../data/daily_country.arrow").href,
  flags: FileAttachment("../data/flags.arrow").href,
  reviewers: FileAttachment("../data/reviewers.arrow").href,
  attacks: FileAttachment("../data/attacks.arrow").href,
  benign_events: FileAttachment("../data/benign_events.arrow").href,
  rings: FileAttachment("../data/rings.arrow").href,
  users: FileAttachment("../data/users.arrow").href,
  snippets: FileAttachment("../data/snippets.arrow").href,
  moderator_sessions: FileAttachment("../data/moderator_sessions.arrow").href,
  session_items: FileAttachment("../data/session_items.arrow").href,
  idle_periods: FileAttachment("../data/idle_periods.arrow").href,
  session_sample: FileAttachment("../data/session_sample.arrow").href,
  idle_sample: FileAttachment("../data/idle_sample.arrow").href,
  events: FileAttachment("../data/events.arrow").href,
  cohort: FileAttachment("../data/cohort.arrow").href,
  dsa_flags: FileAttachment("../data/dsa_flags.arrow").href,
  monthly_active: FileAttachment("../data/monthly_active.arrow").href,
  flag_mix: FileAttachment("../data/flag_mix.arrow").href,
  flag_outcomes: FileAttachment("../data/flag_outcomes.arrow").href,
  score_outcomes: FileAttachment("../data/score_outcomes.arrow").href,
  queue_outcomes: FileAttachment("../data/queue_outcomes.arrow").href,
  tta_bins: FileAttachment("../data/tta_bins.arrow").href,
  flag_scores: FileAttachment("../data/flag_scores.arrow").href,
  flag_texts: FileAttachment("../data/flag_texts.arrow").href,
  cases: FileAttachment("../data/cases.arrow").href,
  backlog_days: FileAttachment("../data/backlog_days.arrow").href,
  reviewer_days: FileAttachment("../data/reviewer_days.arrow").href,
  wait_bins: FileAttachment("../data/wait_bins.arrow").href,
  queue_hours: FileAttachment("../data/queue_hours.arrow").href,
  moderator_days: FileAttachment("../data/moderator_days.arrow").href,
  item_view_days: FileAttachment("../data/item_view_days.arrow").href,
  "science/events_sample.arrow": FileAttachment("../data/science/events_sample.arrow").href,
  "science/event_counts.arrow": FileAttachment("../data/science/event_counts.arrow").href,
  "science/core_users.arrow": FileAttachment("../data/science/core_users.arrow").href,
  "science/core_user_day.arrow": FileAttachment("../data/science/core_user_day.arrow").href,
  "science/core_day_metrics.arrow": FileAttachment("../data/science/core_day_metrics.arrow").href,
  "science/scored_user_day.arrow": FileAttachment("../data/science/scored_user_day.arrow").href,
  "science/review_queue.arrow": FileAttachment("../data/science/review_queue.arrow").href,
  "science/review_snippets.arrow": FileAttachment("../data/science/review_snippets.arrow").href,
  "science/review_links.arrow": FileAttachment("../data/science/review_links.arrow").href,
  "science/dedup_groups.arrow": FileAttachment("../data/science/dedup_groups.arrow").href,
  "science/er_accounts.arrow": FileAttachment("../data/science/er_accounts.arrow").href,
  "science/er_links.arrow": FileAttachment("../data/science/er_links.arrow").href,
  "session_qa.arrow": FileAttachment("../data/session_qa.arrow").href
};
const CSV: Record<string, string> = {
  daily_country: FileAttachment("../data/daily_country.csv").href,
  flags: FileAttachment("../data/flags.csv").href,
  attacks: FileAttachment("../data/attacks.csv").href,
  benign_events: FileAttachment("../data/benign_events.csv").href,
  reviewers: FileAttachment("../data/reviewers.csv").href,
  moderator_sessions: FileAttachment("../data/moderator_sessions.csv").href,
  cohort: FileAttachment("../data/cohort.csv").href
};

function card(d: DatasetCard): HTMLElement {
  const links: (Node | string)[] = [fileLink(ARROW[d.arrow.key], d.arrow.text, d.arrow.file)];
  if (d.csv) links.push(" · ", fileLink(CSV[d.csv.key], d.csv.text, d.csv.file));
  // A published table links its column definitions; a derived one the page that explains it, whose
  // address comes from the data and so passes dataLink's gate (src/io/safeHref.ts).
  if (d.dictionary) links.push(" · ", html`<a href="./data-dictionary#${d.dictionary}">column definitions</a>`);
  if (d.page) links.push(" · ", dataLink("the page that explains it", d.page, {suffix: ".html"}));
  return html`<div class="card dataset" id=${d.id}><h2>${d.title}</h2><p>${d.facts}</p><p class="muted">${d.description}</p><p class="small">${d.columns}</p><p>${links}</p></div>`;
}

/** The datasets page's grid of cards for every published table, each with its downloads. */
export function tableGrid(tables: readonly CatalogTable[]): HTMLElement {
  return html`<div class="grid grid-cols-2">${tableCards(tables, SCHEMAS).map(card)}</div>`;
}

/** The datasets page's grid of cards for the derived tables, each with its download and page. */
export function derivedGrid(derived: readonly CatalogDerived[]): HTMLElement {
  return html`<div class="grid grid-cols-2">${derivedCards(derived).map(card)}</div>`;
}
