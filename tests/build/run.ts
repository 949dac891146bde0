import {spawn} from "node:child_process";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion without blocking the test worker, collecting its output. */
export function run(command: string, args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({code: code ?? (signal ? 128 : 1), stdout, stderr}));
  });
}

/** The last lines of a command's output, for assertion messages. */
export function tail({stdout, stderr}: RunResult, lines = 30): string {
  return `${stdout}\n${stderr}`.trim().split("\n").slice(-lines).join("\n");
}
