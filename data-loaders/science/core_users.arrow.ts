import {scienceFile} from "../_science.js";
await scienceFile("core_users.arrow");
