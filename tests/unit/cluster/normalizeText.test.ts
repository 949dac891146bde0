import {describe, expect, it} from "vitest";
import {fnv1a64, normalizeText} from "../../../src/cluster/normalizeText.js";

describe("normalizeText", () => {
  it("normalizeText(text) folds case, width, punctuation and emoji", () => {
    expect(normalizeText("  BUY Ｃｈｅａｐ likes!!! 🔥 at bit-deals.example ")).toBe("buy cheap likes at bit deals example");
    expect(normalizeText("")).toBe("");
    expect(normalizeText("<img src=x onerror=\"alert(1)\">")).toBe("img src x onerror alert 1");
  });
});

describe("fnv1a64", () => {
  it("fnv1a64(text) matches the published FNV-1a 64 test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });
});
