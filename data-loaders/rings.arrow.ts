import {publish} from "./_publish.js";
await publish("rings", "arrow");
