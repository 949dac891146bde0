import {load} from "../_registry.js";
await load("science/er_links.arrow");
