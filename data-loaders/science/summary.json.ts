import {scienceFile} from "../_science.js";
await scienceFile("summary.json");
