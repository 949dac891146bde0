import {cpSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {ROOT} from "../../scripts/buildSteps.js";

/** Temporary copies of the project for tests that change it; `removeAll` deletes them. */
export function projectCopies() {
  const copies: string[] = [];
  return {
    /** Copies the project without node_modules (symlinked instead), outputs, caches and git. */
    copy(): string {
      const dir = mkdtempSync(join(tmpdir(), "workbook-build-"));
      copies.push(dir);
      const skip = new Set(["node_modules", "dist", ".git", join("docs", ".observablehq"), join("tests", "screenshots")]);
      cpSync(ROOT, dir, {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !skip.has(relative(ROOT, source).split("/").join(sep))
      });
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      return dir;
    },
    removeAll(): void {
      for (const dir of copies.splice(0)) rmSync(dir, {recursive: true, force: true});
    }
  };
}
