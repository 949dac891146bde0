import {publish} from "./_publish.js";
await publish("events", "arrow");
