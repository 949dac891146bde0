import {scienceFile} from "../_science.js";
await scienceFile("sql.json");
