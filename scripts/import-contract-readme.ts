import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "./buildSteps.js";
import {readmeWithImportContract} from "./importContractReadme.js";

/** npm run import-contract-readme: regenerates the README's import-contract section from src/io/import/contract.ts. */
const path = join(ROOT, "README.md");
writeFileSync(path, readmeWithImportContract(readFileSync(path, "utf8")));
console.log("README.md: import-contract section regenerated");
