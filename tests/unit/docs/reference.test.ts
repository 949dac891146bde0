import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {ROOT} from "../../../scripts/buildSteps.js";
import {SCHEMAS} from "../../../src/io/contracts.js";
import {CSV_TABLES} from "../../../data-loaders/_worldFiles.js";

const page = (name: string) => readFileSync(`${ROOT}/docs/${name}.md`, "utf8");

describe("reference pages cover every published table", () => {
  it("the data dictionary has a section for every schema", () => {
    const text = page("data-dictionary");
    for (const name of Object.keys(SCHEMAS)) expect(text).toContain(`<h3 id="table-${name}">${name}</h3>`);
  });
  it("the datasets page links every Arrow file and every CSV copy", () => {
    // The page lists the files itself (a component's FileAttachment calls would name its module by the
    // files' modification times and break the reproducible build); its cards come from datasetCards.ts.
    expect(page("datasets")).toMatch(/import \{derivedGrid, tableGrid\} from "\.\/components\/datasetCards\.js"/);
    const text = page("datasets");
    for (const name of Object.keys(SCHEMAS)) expect(text).toContain(`FileAttachment("./data/${name}.arrow").href`);
    for (const name of CSV_TABLES) expect(text).toContain(`FileAttachment("./data/${name}.csv").href`);
  });
});
