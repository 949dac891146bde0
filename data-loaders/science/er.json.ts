import {scienceFile} from "../_science.js";
await scienceFile("er.json");
