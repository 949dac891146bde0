import {defineConfig} from "vitest/config";

// Dates are UTC everywhere in the workbook; pin the zone so a test cannot pass only on the author's machine.
// Set before the workers start so that they inherit it.
process.env.TZ = "UTC";

/**
 * Three projects, run by `npm test` as three separate invocations (unit, then build, then browser) so
 * that the first failure stops the run. A bare `vitest run` runs them in the same order via groupOrder.
 * - unit: fast pure tests of src/ (tests/unit mirrors src/), plus contracts and calibration tests.
 * - build: runs the real `npm run build` (slow; rewrites dist/; the other files build in copies).
 * - browser: opens every built page of dist/ in headless Chromium (needs a finished build).
 */
export default defineConfig({
  test: {
    env: {TZ: "UTC"},
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Contract and calibration tests simulate whole worlds: seconds each, more on a loaded machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          include: ["tests/unit/**/*.test.ts", "tests/contracts/**/*.test.ts", "tests/calibration/**/*.test.ts"],
          // The worlds several files read are simulated once per run, not once per file (tests/support/).
          globalSetup: ["tests/support/buildSharedWorlds.ts"],
          sequence: {groupOrder: 0}
        }
      },
      {
        extends: true,
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // Two files at a time: a build runs most loaders on one core, and the privacy and new-page
          // builds run in copies of the project, apart from build.test.ts's builds of the project itself.
          maxWorkers: 2,
          sequence: {groupOrder: 1}
        }
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Two files at a time, each with its own server and Chromium: the pages render on both cores.
          maxWorkers: 2,
          // A file's concurrent tests (urlState's pages) run two at a time: one page's quiet waits leave
          // the cores to the other.
          maxConcurrency: 2,
          sequence: {groupOrder: 2}
        }
      }
    ]
  }
});
