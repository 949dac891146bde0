import {html} from "htl";
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
  const text = linked.length === 0
    ? `Entity resolution links no other account to it${unlisted}.`
    : `Entity resolution puts ${formatCount(linked.length)} other ${linked.length === 1 ? "account" : "accounts"} in this account's entity, through a device, IP prefix or payment instrument they share. Each opens its own cases in these dates.`;
  const item = (a: LinkedAccount) => {
    const count = `${formatCount(a.cases)} ${a.cases === 1 ? "case" : "cases"}`;
    return html`<li>${dataLink(a.id, link(a.id), {label: `Cases of linked account ${a.id}: ${count}`})} <span class="muted">${count}</span></li>`;
  };
  return html`<div class="card linked-accounts" id="linked-accounts"><h2>${`Accounts linked to ${account}`}</h2><p class="small">${text}</p>${linked.length === 0 ? null : html`<ul>${linked.map(item)}</ul>`}</div>`;
}
