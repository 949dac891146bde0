/**
 * Measuring a command from outside: wall time, CPU time (user + system, children included, from
 * /usr/bin/time), peak RSS of its whole process tree (sampled from /proc), the largest single
 * process's peak RSS (from /usr/bin/time), and the 1-minute load average around it.
 */
import {execFileSync, spawn} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {loadavg} from "node:os";

/** The 1-minute load average when a measurement started and when it ended. */
export interface LoadSpan {
  start: number;
  end: number;
}

export interface ProcessMeasure {
  wallS: number;
  /** User + system CPU seconds of the command and everything it ran (NaN without /usr/bin/time). */
  cpuS: number;
  /** Peak of the summed RSS of the command's process tree, sampled every SAMPLE_MS (MB = 2^20 bytes). */
  peakRssMb: number;
  /** Peak RSS of the largest single process in the tree (/usr/bin/time's %M; NaN without it). */
  maxProcessRssMb: number;
  load: LoadSpan;
}

export const SAMPLE_MS = 250;
/** A command still running after this long is killed (with its process group) and reported as failed. */
export const COMMAND_TIMEOUT_MS = 60 * 60 * 1000;
const GNU_TIME = "/usr/bin/time";
const MARKER = "@@bench-time";
const MB = 2 ** 20;

let pageSize: number | undefined;
function pageBytes(): number {
  if (pageSize === undefined) {
    try {
      pageSize = Number(execFileSync("getconf", ["PAGESIZE"], {encoding: "utf8"}).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}

/** Summed RSS in bytes of `root` and all its descendants, from /proc (NaN where there is no /proc). */
export function treeRssBytes(root: number): number {
  if (!existsSync("/proc/self/stat")) return NaN;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, ...; rss is the 22nd.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * pageBytes());
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command to the end, measuring it. Its output is kept (the tail only) for the failure message. */
export async function runMeasured(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string): Promise<ProcessMeasure> {
  const gnuTime = existsSync(GNU_TIME);
  const [file, argv] = gnuTime ? [GNU_TIME, ["-f", `${MARKER} %U %S %M`, command, ...args]] : [command, args];
  const start = loadavg()[0];
  const t0 = performance.now();
  // In its own process group, so that a timeout or Ctrl-C ends the whole build, loaders included.
  const child = spawn(file, argv, {cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true});
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const onSignal = () => (killGroup(), process.exit(130));
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-200_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, child.pid === undefined ? 0 : treeRssBytes(child.pid))), SAMPLE_MS);
  const timeout = setTimeout(killGroup, COMMAND_TIMEOUT_MS);
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => resolve(status ?? (signal ? 128 : 1)));
  }).finally(() => {
    clearInterval(sampler);
    clearTimeout(timeout);
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  });
  const wallS = (performance.now() - t0) / 1000;
  // A loader that runs out of heap prints the reason long before the end of the output.
  const oom = /JavaScript heap out of memory/.test(output) ? ", JavaScript heap out of memory" : "";
  if (code !== 0) throw new Error(`${what} failed (exit ${code} after ${wallS.toFixed(0)} s${oom}): ${output.slice(-3000)}`);
  const match = new RegExp(`${MARKER} (\\S+) (\\S+) (\\S+)`).exec(output);
  const [user, system, maxKb] = match ? match.slice(1).map(Number) : [NaN, NaN, NaN];
  return {wallS, cpuS: user + system, peakRssMb: peak / MB || NaN, maxProcessRssMb: (maxKb * 1024) / MB, load: {start, end: loadavg()[0]}};
}

/** How long to wait, at most, for the load to fall below 1 before each measurement (npm run bench --wait). */
export const LOAD_WAIT_S = 120;

/**
 * Waits up to maxS seconds for the 1-minute load average to fall below `below` (checking every 5 s),
 * so that a measurement does not start in the wake of the previous one. Returns the load it starts at.
 */
export async function waitForLoad(maxS: number, what: string, below = 1): Promise<number> {
  const until = Date.now() + maxS * 1000;
  if (loadavg()[0] >= below && maxS > 0) console.error(`bench: waiting up to ${maxS} s for the load (${loadavg()[0].toFixed(2)}) to fall below ${below} before ${what}`);
  while (loadavg()[0] >= below && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5000));
  return loadavg()[0];
}
