import {load} from "./_registry.js";
await load("investigation.json");
