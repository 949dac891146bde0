import {describe, expect, it} from "vitest";
import {parallelMap} from "../../../data-loaders/_parallel.js";

const MODULE = new URL("./fixtures/square.ts", import.meta.url);

describe("parallelMap", () => {
  it("returns each item's result in the items' order, whatever the number of threads", async () => {
    const items = [5, 1, 4, 2, 3];
    const expected = items.map((x) => ({x, square: x * x}));
    for (const threads of [1, 2, 3, 8]) expect(await parallelMap(MODULE, "square", items, threads)).toEqual(expected);
  });

  it("returns an empty list for no items", async () => {
    expect(await parallelMap(MODULE, "square", [])).toEqual([]);
  });

  it("rejects with the worker's error when an item fails", async () => {
    await expect(parallelMap(MODULE, "fail", [1, 2, 3, 4], 2)).rejects.toThrow("no square for 3");
  });
});
