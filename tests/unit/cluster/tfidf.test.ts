import {describe, expect, it} from "vitest";
import {densify, tfidf, tokenize} from "../../../src/cluster/tfidf.js";

describe("tfidf", () => {
  it("tokenize(text) keeps lower-cased runs of two or more word characters", () => {
    expect(tokenize("I bought 2 Cheap_likes at bit-deals!")).toEqual(["bought", "cheap_likes", "at", "bit", "deals"]);
  });
  it("tfidf(texts) uses smooth idf ln((1 + n) / (1 + df)) + 1 and l2-normalised rows", () => {
    const {vocabulary, idf, rows} = tfidf(["spam spam eggs", "eggs ham"]);
    expect(vocabulary).toEqual(["eggs", "ham", "spam"]);
    // n = 2: eggs in 2 documents, ham and spam in 1.
    expect(idf[0]).toBeCloseTo(1, 12);
    expect(idf[1]).toBeCloseTo(Math.log(3 / 2) + 1, 12);
    // Row 0: eggs 1·1, spam 2·(ln 1.5 + 1) = 2.8109, scaled by their norm 2.9835: 0.3352 and 0.9422.
    const spam = 2 * (Math.log(1.5) + 1);
    const norm = Math.hypot(1, spam);
    const row = densify(rows[0], 3);
    expect(row[0]).toBeCloseTo(1 / norm, 12);
    expect(row[1]).toBe(0);
    expect(row[2]).toBeCloseTo(spam / norm, 12);
    expect(row[0]).toBeCloseTo(0.3352, 4);
    expect(row[2]).toBeCloseTo(0.9422, 4);
    expect(Math.hypot(...densify(rows[1], 3))).toBeCloseTo(1, 12);
  });
  it("tfidf(texts) gives an all-zero row to a text without tokens, and handles no texts", () => {
    const {rows} = tfidf(["!!", "a b"]);
    expect(rows[0].indices.length).toBe(0);
    expect(tfidf([]).vocabulary).toEqual([]);
  });
});
