import {scienceFile} from "../_science.js";
await scienceFile("dedup_groups.arrow");
