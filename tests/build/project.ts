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
     * keeps only a one-line home page and an empty sidebar, so a test of one build behaviour builds fast.
     */
    copy({bare = false}: {bare?: boolean} = {}): string {
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
        for (const entry of readdirSync(join(dir, "docs"), {withFileTypes: true})) {
          if (entry.name.endsWith(".md") || (entry.isDirectory() && !["components", "assets"].includes(entry.name) && !entry.isSymbolicLink())) rmSync(join(dir, "docs", entry.name), {recursive: true, force: true});
        }
        writeFileSync(join(dir, "docs", "index.md"), "# Test home\n");
        const config = join(dir, "observablehq.config.ts");
        writeFileSync(config, readFileSync(config, "utf8").replace(/\n  pages: \[[\s\S]*?\n  \],\n/, "\n  pages: [],\n"));
      }
      return dir;
    },
    removeAll(): void {
      for (const dir of copies.splice(0)) rmSync(dir, {recursive: true, force: true});
    }
  };
}
