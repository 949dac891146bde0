import {describe, expect, it} from "vitest";
import {calibrationFigures} from "../../src/world/calibration.js";
import {sharedTables} from "../support/sharedWorlds.js";

describe("calibration at the default seed and scale", () => {
  const figures = calibrationFigures(sharedTables({seed: 42, scale: 1}));
  it("measures all seventeen reference figures", () => {
    expect(figures.map((f) => f.id)).toEqual(Array.from({length: 17}, (_, i) => i + 1));
  });
  for (const f of figures) {
    it(`figure ${f.id}: ${f.name} = ${f.value} (target ${f.target})`, () => {
      expect(f.pass).toBe(true);
    });
  }
});
