import {describe, expect, it} from "vitest";
import {scanRecords} from "../../../data-loaders/_importFiles.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("scanRecords(bytes, start)", () => {
  it("finds the line each record starts on, with quoted line ends, CRLF and blank lines", () => {
    expect(scanRecords(bytes('1,a\n2,"x\ny"\n\n3,"q""\n"\r\n4,b'), 0)).toEqual({lines: [2, 3, 6, 8], unclosed: null});
  });
  it("opens a quote only at a field's start, and reports a quote never closed", () => {
    expect(scanRecords(bytes('1,ab"c\n2,d\n'), 0)).toEqual({lines: [2, 3], unclosed: null});
    expect(scanRecords(bytes('1,a\n2,"open\n3,c\n'), 0)).toEqual({lines: [2, 3], unclosed: {line: 3, offset: 4}});
  });
});
