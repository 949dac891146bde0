/**
 * The accounts linked to a case's account: those entity resolution (src/science/resolveAccounts.ts)
 * joined into the same entity, through a device, IP prefix or payment instrument they share. The case
 * view reads them from er_accounts, the resolution's published output, and from its detector columns
 * alone: the table's ground-truth columns stay unread.
 */

/** The columns of er_accounts the case view reads. */
export const LINK_COLUMNS = ["user_id", "component_id", "component_size"] as const;

export interface Resolved {
  user_id: ArrayLike<string>;
  component_id: ArrayLike<number>;
}

/** The other accounts of `account`'s entity, in id order; none when it shares no identifier (or is not listed). */
export function linkedAccounts(resolved: Resolved, account: string): string[] {
  const n = resolved.user_id.length;
  let component: number | undefined;
  for (let i = 0; i < n && component === undefined; i++) if (resolved.user_id[i] === account) component = resolved.component_id[i];
  if (component === undefined) return [];
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (resolved.component_id[i] === component && resolved.user_id[i] !== account) out.push(resolved.user_id[i]);
  return out.sort();
}

/** Linked accounts of each account: its entity's size less one, or 0 for an account in no listed entity. */
export function linkedCount(componentSize: number | null | undefined): number {
  return componentSize ? componentSize - 1 : 0;
}
