import {publish} from "./_publish.js";
await publish("flags", "csv");
