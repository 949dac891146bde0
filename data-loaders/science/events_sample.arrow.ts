import {scienceFile} from "../_science.js";
await scienceFile("events_sample.arrow");
