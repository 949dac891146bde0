import {scienceFile} from "../_science.js";
await scienceFile("er_links.arrow");
