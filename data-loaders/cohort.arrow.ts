import {publish} from "./_publish.js";
await publish("cohort", "arrow");
