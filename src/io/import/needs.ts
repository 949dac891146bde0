/**
 * What a section of a page needs from the data, for builds from a platform's own tables: which import
 * columns enable it, what a platform usually has instead, and the industry-standard proxy, if there is
 * one. A section whose columns the import lacks shows this instead of an empty or wrong chart.
 */
export interface Need {
  /** Import columns, as table.column, every one of which the section needs. */
  columns: readonly string[];
  /** What the section shows when it has them. */
  enables: string;
  /** What platforms usually have instead, or why they rarely have it. */
  instead: string;
  /** A proxy the page offers, labelled as such, if there is one. */
  proxy?: string;
}

/** The notice's sentences: what is missing, what it would enable, what platforms have instead. */
export function needText(need: Need): {title: string; body: string[]} {
  const columns = need.columns;
  const list = columns.length === 1 ? columns[0] : `${columns.slice(0, -1).join(", ")} and ${columns.at(-1)}`;
  const body = [`It needs ${list}, which the imported data does not have. With ${columns.length === 1 ? "it" : "them"}, it shows ${need.enables}.`, `${need.instead}`];
  if (need.proxy) body.push(`Proxy: ${need.proxy}`);
  return {title: `Not in the imported data`, body};
}

/** The moderators page's sound cards: item views muted and with sound. */
export const SOUND_NEED: Need = {
  columns: ["session_items.sound_muted"],
  enables: "how many item views moderators watched muted, overall and per moderator (the moderator-session dashboard's sound status)",
  instead: "Review tools log the audio state only when they play video or audio; a tool for text and images has no such column, and no other column stands in for it."
};
