import {load} from "./_registry.js";
await load("dsa_report.csv");
