import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";

/**
 * Maps items through an export of a module on worker threads, one per core (at most `items.length`),
 * and returns the results in the items' order: the same output whatever the number of cores. Items
 * and results cross threads by structured clone, so both must be plain data. For loaders whose work
 * is many independent worlds; a build otherwise runs its loaders on one core.
 */
export async function parallelMap<T, R>(module: URL, name: string, items: readonly T[], threads = availableParallelism()): Promise<R[]> {
  if (items.length === 0) return [];
  const n = Math.max(1, Math.min(threads, items.length));
  // Contiguous shares, so each thread's results concatenate back in order.
  const shares = Array.from({length: n}, (_, k) => items.slice(Math.floor((k * items.length) / n), Math.floor(((k + 1) * items.length) / n)));
  const parts = await Promise.all(shares.map((share) => runWorker<T, R>(module, name, share)));
  return parts.flat();
}

function runWorker<T, R>(module: URL, name: string, items: readonly T[]): Promise<R[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./_worker.mjs", import.meta.url), {workerData: {module: module.href, name, items}});
    let result: R[] | undefined;
    worker.once("message", (message: R[]) => (result = message));
    worker.once("error", reject);
    worker.once("exit", (code) => (result && code === 0 ? resolve(result) : reject(new Error(`worker for ${name} exited with code ${code} before returning its results`))));
  });
}
