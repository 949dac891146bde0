import {describe, expect, it} from "vitest";
import {summarizeComponents, type LinkedAccount} from "../../../src/cluster/summarizeComponents.js";

const account = (component_id: number, component_size: number, truth_ring_id: string | null, truth_actor_type: string): LinkedAccount => ({component_id, component_size, truth_ring_id, truth_actor_type});

describe("summarizeComponents(accounts, rings)", () => {
  const rings = [{ring_id: "R1", purpose: "spam_campaign"}, {ring_id: "R2", purpose: "scam"}];

  it("summarizeComponents names each component's main true ring, its purpose and share, and its actor types, most first", () => {
    // Component 7: 3 of 4 accounts in R1, one benign outside any ring. Component 2: two benign accounts.
    const accounts = [
      account(7, 4, "R1", "ring_member"), account(2, 2, null, "benign"), account(7, 4, null, "benign"),
      account(7, 4, "R1", "ring_member"), account(2, 2, null, "benign"), account(7, 4, "R1", "ring_member")
    ];
    expect(summarizeComponents(accounts, rings)).toEqual([
      {component_id: 7, size: 4, ring: "R1", purpose: "spam_campaign", share: 0.75, types: "ring_member 3, benign 1"},
      {component_id: 2, size: 2, ring: "none", purpose: "", share: 1, types: "benign 2"}
    ]);
  });

  it("summarizeComponents(accounts, rings, {label}) labels the actor types, and the share is of the whole component", () => {
    // Only 2 of component 5's 6 accounts are listed: the share counts against all 6.
    const rows = summarizeComponents([account(5, 6, "R2", "ring_member"), account(5, 6, "R2", "scammer")], rings, {label: (t) => t.toUpperCase()});
    expect(rows).toEqual([{component_id: 5, size: 6, ring: "R2", purpose: "scam", share: 2 / 6, types: "RING_MEMBER 1, SCAMMER 1"}]);
  });

  it("summarizeComponents gives a tie to the ring seen first and orders equal sizes by component id", () => {
    const accounts = [account(9, 2, "R2", "ring_member"), account(9, 2, "R1", "ring_member"), account(3, 2, "R1", "ring_member"), account(3, 2, "R2", "ring_member")];
    expect(summarizeComponents(accounts, rings).map((r) => [r.component_id, r.ring])).toEqual([[3, "R1"], [9, "R2"]]);
  });

  it("summarizeComponents of no accounts is empty; a ring missing from rings has no purpose", () => {
    expect(summarizeComponents([], rings)).toEqual([]);
    expect(summarizeComponents([account(1, 2, "R9", "ring_member")], rings)[0].purpose).toBe("");
  });
});
