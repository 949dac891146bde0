import {describe, expect, it} from "vitest";
import {LINK_COLUMNS, linkedAccounts, linkedCount} from "../../../src/explore/linkedAccounts.js";
import {ER_ACCOUNTS} from "../../../src/science/contracts.js";

const resolved = {user_id: ["U9", "U2", "U5", "U7", "U3"], component_id: [4, 1, 4, 1, 4]};

describe("linkedAccounts(resolved, account)", () => {
  it("gives the other accounts of its component, in id order", () => {
    expect(linkedAccounts(resolved, "U5")).toEqual(["U3", "U9"]);
    expect(linkedAccounts(resolved, "U2")).toEqual(["U7"]);
  });
  it("gives none for an account no component lists, and for empty input", () => {
    expect(linkedAccounts(resolved, "U1")).toEqual([]);
    expect(linkedAccounts({user_id: [], component_id: []}, "U1")).toEqual([]);
  });
});

describe("linkedCount(componentSize)", () => {
  it("counts the others of the component, 0 outside any", () => {
    expect(linkedCount(3)).toBe(2);
    expect(linkedCount(null)).toBe(0);
    expect(linkedCount(undefined)).toBe(0);
  });
});

describe("LINK_COLUMNS", () => {
  it("are columns of er_accounts and none of its ground-truth columns", () => {
    const names = ER_ACCOUNTS.columns.map((c) => c.name);
    for (const c of LINK_COLUMNS) expect(names).toContain(c);
    expect(LINK_COLUMNS.some((c) => c.startsWith("truth_"))).toBe(false);
  });
});
