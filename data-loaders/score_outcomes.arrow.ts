import {publish} from "./_publish.js";
await publish("score_outcomes", "arrow");
