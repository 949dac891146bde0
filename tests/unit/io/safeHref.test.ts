import {describe, expect, it} from "vitest";
import {safeHref} from "../../../src/io/safeHref.js";

describe("safeHref", () => {
  it.each([
    ["https://example.org/a?b=1#c", "https://example.org/a?b=1#c"],
    ["http://example.org", "http://example.org"],
    ["HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"],
    ["./ops/classifier.html", "./ops/classifier.html"],
    ["../data-dictionary.html#table-flags", "../data-dictionary.html#table-flags"],
    ["incident.html", "incident.html"],
    ["/workbook/index.html", "/workbook/index.html"],
    ["#top", "#top"],
    ["?q=1", "?q=1"],
    ["  ./investigation.html\n", "./investigation.html"],
    // Not a scheme: a relative path whose first segment holds a colon-free name.
    ["javascript%3Aalert(1)", "javascript%3Aalert(1)"],
    ["javascript&colon;alert(1)", "javascript&colon;alert(1)"]
  ])("safeHref(%j) allows it as %j", (value, href) => {
    expect(safeHref(value)).toBe(href);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(document.cookie)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "\n\njavascript:alert(1)",
    "\u0000javascript:alert(1)",
    "\u001fjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "jav\rascript:alert(1)",
    "javascript:void(0)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    " data:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "VbScRiPt:msgbox(1)",
    "  VBSCRIPT:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.org/uuid",
    "mailto:a@example.org",
    "ftp://example.org/x",
    "about:blank",
    "",
    "   ",
    "http://[::1"
  ])("safeHref(%j) refuses it", (value) => {
    expect(safeHref(value)).toBeNull();
  });

  it("safeHref refuses values that are not strings", () => {
    for (const value of [null, undefined, 1, {}, ["https://example.org"], new URL("https://example.org")]) expect(safeHref(value)).toBeNull();
  });
});
