// An app stand-in that holds an embedded ClickHouse data directory, for tests of what the next
// opener finds: `node --import tsx tests/support/clickhouse-holder.ts <dataDir> [busy]`.
// Prints {"app": <its pid>, "engine": <the engine process's pid>} once the engine is open and,
// with "busy", a 10-second query is under way in it; then holds it until killed.
import { openClickHouse } from "@/lib/analytics/engines/clickhouse/client";

const [dataDir, mode] = process.argv.slice(2);
const ch = await openClickHouse({ dataDir });
if (mode === "busy") {
  void ch.query("SELECT sleepEachRow(0.1) FROM numbers(100) SETTINGS max_block_size = 1").catch(() => {});
  await ch.query("SELECT 1"); // calls arrive in order: the slow one is under way
}
console.log(JSON.stringify({ app: process.pid, engine: ch.pid() }));
setInterval(() => {}, 60_000);
