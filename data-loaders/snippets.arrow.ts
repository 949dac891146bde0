import {publish} from "./_publish.js";
await publish("snippets", "arrow");
