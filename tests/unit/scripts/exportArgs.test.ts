import {describe, expect, it} from "vitest";
import {parseExportArgs} from "../../../scripts/exportArgs.js";

describe("parseExportArgs (npm run export)", () => {
  it("reads --seed, --scale (default 1), --format (default csv) and --out, as --name value or --name=value", () => {
    expect(parseExportArgs(["--seed", "7", "--out", "exports/seed7"])).toEqual({seed: 7, scale: 1, format: "csv", out: "exports/seed7"});
    expect(parseExportArgs(["--out=x", "--scale=0.5", "--seed=0"])).toEqual({seed: 0, scale: 0.5, format: "csv", out: "x"});
  });

  it("takes --format csv or parquet", () => {
    expect(parseExportArgs(["--seed", "7", "--format", "parquet", "--out", "x"]).format).toBe("parquet");
    expect(parseExportArgs(["--seed=7", "--format=csv", "--out=x"]).format).toBe("csv");
  });

  it.each([
    [[], "--seed is required"],
    [["--seed", "7"], "--out is required"],
    [["--seed", "7", "--out"], "--out needs a value"],
    [["--seed", "7", "--seed", "8", "--out", "x"], "--seed is given twice"],
    [["--seed", "7", "--out", "x", "--force"], 'unknown argument "--force"'],
    [["--seed", "-1", "--out", "x"], 'invalid --seed: "-1" (expected an integer from 0 to 9007199254740991; default 42)'],
    [["--seed", "7", "--scale", "0", "--out", "x"], 'invalid --scale: "0" (expected a number in (0, 250]; default 1)'],
    [["--seed", "7", "--format", "xlsx", "--out", "x"], 'invalid --format: "xlsx" (expected csv or parquet; default csv)'],
    [["--seed", "7", "--format", "CSV", "--out", "x"], 'invalid --format: "CSV" (expected csv or parquet; default csv)'],
    [["--seed", "7", "--format=", "--out", "x"], "--format needs a value"],
    [["--seed", "7", "--format", "csv", "--format", "parquet", "--out", "x"], "--format is given twice"]
  ])("rejects %j: %s", (argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(message);
  });
});
