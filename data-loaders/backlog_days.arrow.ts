import {publish} from "./_publish.js";
await publish("backlog_days", "arrow");
