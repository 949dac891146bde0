import {publish} from "./_publish.js";
await publish("queue_hours", "arrow");
