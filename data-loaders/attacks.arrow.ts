import {publish} from "./_publish.js";
await publish("attacks", "arrow");
