import {scienceFile} from "../_science.js";
await scienceFile("er_accounts.arrow");
