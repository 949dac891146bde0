// A worker thread of `parallelMap` (_parallel.ts): registers tsx so that it can import the loaders'
// TypeScript, imports the module it was given, and maps its share of the items through one export.
import {parentPort, workerData} from "node:worker_threads";
import {register} from "tsx/esm/api";

register();
const {module, name, items} = workerData;
const f = (await import(module))[name];
const results = [];
for (const item of items) results.push(await f(item));
parentPort.postMessage(results);
