import {scienceFile} from "../_science.js";
await scienceFile("drift.json");
