import {scienceFile} from "../_science.js";
await scienceFile("clusters.json");
