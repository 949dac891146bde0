import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {loadRows} from "../../../src/io/loadRows.js";

describe("loadRows(files)", () => {
  it("loadRows({a, b}) reads each file's rows under its key", async () => {
    const a = tableToIPC(tableFromArrays({x: Int32Array.from([1, 2])}), "file");
    const b = Promise.resolve(tableToIPC(tableFromArrays({y: Float64Array.from([0.5])}), "stream"));
    expect(await loadRows({a, b})).toEqual({a: [{x: 1}, {x: 2}], b: [{y: 0.5}]});
  });
  it("loadRows({flags}) names data/flags.arrow when the bytes are not Arrow", async () => {
    await expect(loadRows({flags: new Uint8Array([1, 2, 3])})).rejects.toThrow("data/flags.arrow");
  });
});
