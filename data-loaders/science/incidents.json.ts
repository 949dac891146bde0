import {scienceFile} from "../_science.js";
await scienceFile("incidents.json");
