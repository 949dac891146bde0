import {publish} from "./_publish.js";
await publish("idle_sample", "arrow");
