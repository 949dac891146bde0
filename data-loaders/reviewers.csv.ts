import {publish} from "./_publish.js";
await publish("reviewers", "csv");
