import {execFile, execFileSync} from "node:child_process";
import {existsSync, readdirSync} from "node:fs";
import {chown, mkdtemp, rm} from "node:fs/promises";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";

/**
 * A real PostgreSQL server for one test file: a new cluster (initdb) in a temporary folder, listening
 * only on a Unix socket in another temporary folder (no TCP), with fsync off since the data is thrown
 * away. PostgreSQL refuses to run as root, and tests run as root here and in CI, so as root the server
 * runs as the `postgres` system user (which the Debian package creates) in folders chowned to it.
 *
 * Nothing is skipped: without PostgreSQL the test fails and says that `.ci/run` installs it.
 */

const run = promisify(execFile);

export interface PostgresServer {
  /** postgres://postgres@/postgres?host=<socket folder>&port=<port>: trust authentication, user postgres. */
  url: string;
  socketDir: string;
  port: number;
  /** Stops the server and removes its folders. */
  stop(): Promise<void>;
}

export const NOT_INSTALLED = "PostgreSQL is not installed (no initdb under `pg_config --bindir` or /usr/lib/postgresql/*/bin). `.ci/run` installs it (apt-get install -y --no-install-recommends postgresql); run `bash .ci/run` or install it the same way, then run the test again.";

/** The folder of initdb, pg_ctl and postgres. */
export function postgresBinDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim();
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  } catch {
    // No pg_config (it comes with libpq-dev, not with the server): look where Debian installs the server.
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error(NOT_INSTALLED);
  return join(root, versions[0], "bin");
}

/** A TCP port no one listens on now: it names the socket file (.s.PGSQL.<port>). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The uid and gid of the postgres system user, to run the server as when we are root. */
function postgresUser(): {uid: number; gid: number} {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim());
    return {uid: id("-u"), gid: id("-g")};
  } catch {
    throw new Error(`running as root, and there is no postgres system user to run the server as. ${NOT_INSTALLED}`);
  }
}

/** Starts a server; call stop() in afterAll. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const root = process.getuid?.() === 0;
  // As root the folders go in /tmp, which postgres can enter whatever TMPDIR says (root's own may be 0700).
  const base = root ? "/tmp" : tmpdir();
  const dataDir = await mkdtemp(join(base, "workbook-pg-data-"));
  const socketDir = await mkdtemp(join(base, "workbook-pg-socket-"));
  const user = root ? postgresUser() : null;
  if (user) for (const dir of [dataDir, socketDir]) await chown(dir, user.uid, user.gid);
  // As root, each command runs as postgres, from a folder postgres may enter.
  const command = (program: string, args: string[]): [string, string[]] => (user ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]] : [join(bin, program), args]);
  const pg = (program: string, args: string[]) => run(...command(program, args), {cwd: socketDir});
  const port = await freePort();
  let running = false;
  const stopSync = () => {
    if (!running) return;
    running = false;
    try {
      execFileSync(...command("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w"]), {cwd: socketDir, stdio: "ignore"});
    } catch {
      // Already stopped.
    }
  };
  const stop = async () => {
    stopSync();
    process.off("exit", stopSync);
    await rm(dataDir, {recursive: true, force: true});
    await rm(socketDir, {recursive: true, force: true});
  };
  try {
    await pg("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    // pg_ctl hands -o to a shell: the folder is quoted (mkdtemp names hold no quote).
    const options = `-c listen_addresses='' -k '${socketDir}' -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    running = true;
    process.on("exit", stopSync);
    await pg("pg_ctl", ["start", "-D", dataDir, "-w", "-t", "60", "-l", join(dataDir, "server.log"), "-o", options]);
  } catch (error) {
    await stop();
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
  }
  return {url: `postgres://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`, socketDir, port, stop};
}
