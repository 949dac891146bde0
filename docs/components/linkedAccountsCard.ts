import {formatCount} from "../lib/core/format.js";
import {dataLink} from "./dataLink.js";

export interface LinkedAccount {
  id: string;
  /** Its cases in the view's dates. */
  cases: number;
}

/**
 * The card of the accounts linked to the case view's account, each a link (through dataLink) to the
 * address `link(id)` gives, its own cases; `unlisted` says why an account may show none (the published
 * table lists only the largest entities).
 */
export function linkedAccountsCard(account: string, linked: readonly LinkedAccount[], {link, unlisted = ""}: {link: (id: string) => string; unlisted?: string}): HTMLElement {
  const card = document.createElement("div");
  card.className = "card linked-accounts";
  card.id = "linked-accounts";
  const h2 = document.createElement("h2");
  h2.textContent = `Accounts linked to ${account}`;
  const p = document.createElement("p");
  p.className = "small";
  card.append(h2, p);
  if (linked.length === 0) {
    p.textContent = `Entity resolution links no other account to it${unlisted}.`;
    return card;
  }
  p.textContent = `Entity resolution puts ${formatCount(linked.length)} other ${linked.length === 1 ? "account" : "accounts"} in this account's entity, through a device, IP prefix or payment instrument they share. Each opens its own cases in these dates.`;
  const list = document.createElement("ul");
  for (const a of linked) {
    const item = document.createElement("li");
    const count = document.createElement("span");
    count.className = "muted";
    count.textContent = `${formatCount(a.cases)} ${a.cases === 1 ? "case" : "cases"}`;
    const anchor = dataLink(a.id, link(a.id));
    if (anchor instanceof HTMLAnchorElement) anchor.setAttribute("aria-label", `Cases of linked account ${a.id}: ${count.textContent}`);
    item.append(anchor, " ", count);
    list.append(item);
  }
  card.append(list);
  return card;
}
