import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {ROOT} from "../../scripts/buildSteps.js";

/** Temporary copies of the project for tests that change it; `removeAll` deletes them. */
export function projectCopies() {
  const copies: string[] = [];
  return {
    /**
     * Copies the project without node_modules (symlinked instead), outputs, caches and git. A bare copy
     * keeps only a one-line home page and an empty sidebar, so a test of one build behaviour builds fast;
     * `deepDives` keeps the sidebar's Deep dives section and its pages as well.
     */
    copy({bare = false, deepDives = false}: {bare?: boolean; deepDives?: boolean} = {}): string {
      const dir = mkdtempSync(join(tmpdir(), "workbook-build-"));
      copies.push(dir);
      const skip = new Set(["node_modules", "dist", ".git", join("docs", ".observablehq"), join("tests", "screenshots")]);
      cpSync(ROOT, dir, {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !skip.has(relative(ROOT, source).split("/").join(sep))
      });
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      if (bare) {
        const config = join(dir, "observablehq.config.ts");
        const source = readFileSync(config, "utf8");
        const section = deepDives ? /\n    \{\n      name: "Deep dives",[\s\S]*?\n    \}/.exec(source)?.[0] : undefined;
        if (deepDives && !section) throw new Error("observablehq.config.ts has no Deep dives section");
        const kept = new Set([...(section ?? "").matchAll(/path: "\/([\w-]+)"/g)].map((m) => `${m[1]}.md`));
        // The pages they link to stay as one-line stubs, so that the build's link check passes.
        const linked = new Set([...kept].flatMap((page) => [...readFileSync(join(dir, "docs", page), "utf8").matchAll(/\]\(\.\/([\w-]+)/g)].map((m) => `${m[1]}.md`)));
        for (const entry of readdirSync(join(dir, "docs"), {withFileTypes: true})) {
          // A page loader (name.md.ts) goes with its page.
          if ((/\.md(\.ts)?$/.test(entry.name) && !kept.has(entry.name.replace(/\.ts$/, ""))) || (entry.isDirectory() && !["components", "assets"].includes(entry.name) && !entry.isSymbolicLink())) rmSync(join(dir, "docs", entry.name), {recursive: true, force: true});
        }
        for (const page of linked) if (!kept.has(page)) writeFileSync(join(dir, "docs", page), `# ${page.replace(/\.md$/, "")}\n`);
        writeFileSync(join(dir, "docs", "index.md"), "# Test home\n");
        writeFileSync(config, source.replace(/\n  pages: \[[\s\S]*?\n  \],\n/, section ? `\n  pages: [${section}\n  ],\n` : "\n  pages: [],\n"));
      }
      return dir;
    },
    removeAll(): void {
      for (const dir of copies.splice(0)) rmSync(dir, {recursive: true, force: true});
    }
  };
}
