import {publish} from "./_publish.js";
await publish("reviewer_days", "arrow");
