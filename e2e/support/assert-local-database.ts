// End-to-end runs register, sign in and delete accounts. They must never touch a real
// database: refuse to start when DATABASE_URL points anywhere but this machine.
// (After Dub's assert-local-database guard.)

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function assertLocalDatabase(databaseUrl: string | undefined = process.env.DATABASE_URL): void {
  if (!databaseUrl) return; // the e2e server starts its own embedded Postgres
  let hosts: string[];
  try {
    const url = new URL(databaseUrl);
    // libpq also accepts ?host=/var/run/postgresql (a local socket) or a list host1,host2.
    const queryHost = url.searchParams.get("host");
    hosts = [url.hostname, ...(queryHost ? queryHost.split(",") : [])];
  } catch {
    throw new Error("DATABASE_URL is not a valid URL; end-to-end tests refuse to run against it.");
  }
  const remote = hosts.filter((host) => !LOCAL_HOSTS.has(host.toLowerCase()) && !host.startsWith("/"));
  if (remote.length > 0) {
    throw new Error(
      `End-to-end tests create and delete accounts; refusing to run against a non-local database (host ${remote.join(", ")}). ` +
        "Unset DATABASE_URL (an embedded Postgres is started under .data/e2e) or point it at localhost.",
    );
  }
}
