/** The browser-test harness itself: it must catch what the page tests rely on it to catch. */
import {get} from "node:http";
import {describe, expect, it} from "vitest";
import {DIST, serveStatic, withSite} from "./site.js";

describe("serveStatic", () => {
  it("serveStatic(dist, prefix) serves files under the prefix only", async () => {
    const {origin, close} = await serveStatic(DIST, "/sub/");
    try {
      expect((await fetch(`${origin}/sub/index.html`)).status).toBe(200);
      expect((await fetch(`${origin}/sub/`)).headers.get("content-type")).toContain("text/html");
      expect((await fetch(`${origin}/index.html`)).status).toBe(404);
      expect((await fetch(`${origin}/sub/no-such-page.html`)).status).toBe(404);
      // Sent raw: fetch() would normalise the dots away before the server sees them.
      for (const path of ["/sub/../package.json", "/sub/%2E%2E%2Fpackage.json", "/sub/..%2F..%2Fetc%2Fpasswd"]) {
        expect([403, 404], path).toContain(await rawStatus(origin, path));
      }
    } finally {
      await close();
    }
  });
});

describe("withSite", () => {
  it("keeps the browser across pages, and reports external requests and error cells", async () => {
    await withSite(async (site) => {
      console.log(`chromium: ${site.chromium.source} ${site.browser.version()} (${site.chromium.executablePath})`);
      const first = await site.openPage("index.html");
      await first.close();

      // A second page after the first context closed: the browser must still be up.
      const second = await site.openPage("index.html");
      await second.page.evaluate(() => fetch("http://example.com/beacon").catch(() => {}));
      await second.page.evaluate(() => {
        const cell = document.createElement("div");
        cell.className = "observablehq--inspect observablehq--error";
        cell.textContent = "RuntimeError: injected";
        document.querySelector("#observablehq-main")!.append(cell);
      });
      expect(second.problems.some((p) => p.startsWith("external request: GET http://example.com/beacon"))).toBe(true);
      await expect(second.assertClean()).rejects.toThrow(/error cell: RuntimeError: injected/);

      const missing = await site.openPage("no-such-page.html");
      expect(missing.problems.some((p) => /^(HTTP 404|navigation failed): /.test(p)), missing.problems.join("\n")).toBe(true);
      await expect(missing.assertClean()).rejects.toThrow(/no-such-page\.html/);
    });
  });
});

function rawStatus(origin: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const {hostname, port} = new URL(origin);
    get({hostname, port, path}, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on("error", reject);
  });
}
