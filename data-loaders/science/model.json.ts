import {scienceFile} from "../_science.js";
await scienceFile("model.json");
