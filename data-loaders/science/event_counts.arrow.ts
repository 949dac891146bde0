import {scienceFile} from "../_science.js";
await scienceFile("event_counts.arrow");
