// npm run analytics:copy -- --to clickhouse [--from postgres] [--site example.com] [--restart] [--replace]
// Copies every site's events and visits (or one site's) from one analytics engine to the other,
// so an installation can switch ANALYTICS_ENGINE without losing history. Idempotent and
// resumable: a finished site is skipped, a stopped one resumes where it was (analytics_copies
// in Postgres); --restart copies again from the start. A site whose target already holds
// events this copy did not write (ingested there since the switch) is left alone and named;
// --replace deletes them and copies. Works on the database `npm start` uses.
// The embedded ClickHouse (.data/clickhouse) belongs to one process at a time: stop the app
// first, or point CLICKHOUSE_URL at a server.
process.env.NEXT_TELEMETRY_DISABLED = "1";
import { parseArgs } from "node:util";
import type { AnalyticsEngine, AnalyticsStore } from "@/lib/analytics/analytics-store";
import { copySite, type CopyProgress } from "@/lib/analytics/copy-site";
import { openStore, parseEngine } from "@/lib/analytics/get-analytics-store";
import { getPool } from "@/lib/db/pool";
import { withScriptDatabase } from "@/lib/db/script-database";

const USAGE = "Usage: npm run analytics:copy -- --to clickhouse|postgres [--from postgres|clickhouse] [--site example.com] [--restart] [--replace]";

type Options = { from: AnalyticsEngine; to: AnalyticsEngine; site: string | null; restart: boolean; replace: boolean };

function readOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      to: { type: "string" },
      from: { type: "string" },
      site: { type: "string" },
      restart: { type: "boolean", default: false },
      replace: { type: "boolean", default: false },
    },
  });
  if (values.to === undefined) throw new Error("say which engine to copy to: --to clickhouse");
  const to = parseEngine(values.to, "--to");
  const from = parseEngine(values.from ?? (to === "postgres" ? "clickhouse" : "postgres"), "--from");
  if (from === to) throw new Error(`--from and --to are both ${to}`);
  return { from, to, site: values.site ?? null, restart: values.restart, replace: values.replace };
}

function progressBar(): (p: CopyProgress & { domain: string }) => void {
  let lastLine = 0;
  return (p) => {
    if (p.rebuilding) {
      console.log(`${process.stdout.isTTY ? "\n" : ""}${p.domain}: every row copied; computing its pre-aggregates (about half a minute a million events) …`);
      return;
    }
    const share = p.totalEvents === 0 ? 1 : Math.min(1, p.events / p.totalEvents);
    const width = 30;
    const filled = Math.round(share * width);
    const text = `${p.domain} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round(share * 100)}% ${p.events.toLocaleString("en-US")}/${p.totalEvents.toLocaleString("en-US")} events`;
    if (process.stdout.isTTY) process.stdout.write(`\r${text}`);
    else if (Date.now() - lastLine > 2000 || share === 1) {
      lastLine = Date.now();
      console.log(text);
    }
  };
}

async function copyAll(options: Options): Promise<number> {
  const { rows: sites } = await getPool().query<{ id: string; domain: string; timezone: string }>(
    "SELECT id, domain, timezone FROM sites WHERE $1::text IS NULL OR domain = $1 ORDER BY domain",
    [options.site],
  );
  if (options.site !== null && sites.length === 0) {
    console.error(`No site ${options.site}. Nothing copied.`);
    return 1;
  }
  const stores: AnalyticsStore[] = [];
  try {
    const from = await openStore(options.from);
    stores.push(from);
    const to = await openStore(options.to);
    stores.push(to);
    console.log(`Copying ${sites.length} site(s) from ${options.from} to ${options.to} …`);
    const show = progressBar();
    let failed = 0;
    for (const site of sites) {
      const result = await copySite({ from, to, site, restart: options.restart, replace: options.replace, onProgress: (p) => show({ ...p, domain: site.domain }) });
      if (process.stdout.isTTY) process.stdout.write("\n");
      if (result.refused) {
        failed++;
        console.log(
          `${site.domain}: not copied, nothing deleted: ${options.to} already holds ${result.targetEvents.toLocaleString("en-US")} events of this site that a copy did not write ` +
            `(ingested there since the switch?). To delete them and copy ${options.from}'s ${result.sourceEvents.toLocaleString("en-US")} events instead: ` +
            `npm run analytics:copy -- --to ${options.to} --site ${site.domain} --replace`,
        );
        continue;
      }
      const same = result.targetEvents === result.sourceEvents;
      if (!same) failed++;
      const how = result.skipped ? "already copied" : result.resumed ? "resumed and copied" : "copied";
      console.log(
        `${site.domain}: ${how}: ${result.visits.toLocaleString("en-US")} visits, ${result.events.toLocaleString("en-US")} events; ` +
          `${options.from} has ${result.sourceEvents.toLocaleString("en-US")} events, ${options.to} ${result.targetEvents.toLocaleString("en-US")}${same ? "" : " — they differ: run again with --restart"}`,
      );
    }
    // ClickHouse merges the loaded tables' parts once, after every site: per site, each merge
    // would rewrite the months of every site copied before it.
    console.log(`Tidying ${options.to} after the copy (merging the loaded tables; about half a minute a million events) …`);
    const tidying = performance.now();
    await to.finishBulkLoads();
    console.log(`Tidied in ${((performance.now() - tidying) / 1000).toFixed(1)} s.`);
    return failed === 0 ? 0 : 1;
  } finally {
    for (const store of stores.reverse()) await store.close();
  }
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  return withScriptDatabase(() => copyAll(options));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`analytics:copy failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
