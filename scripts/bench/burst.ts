import http from "node:http";
import { max, quantile, round1 } from "./stats";

// Many people opening heavy dashboards at once, as the outside tester did: `count` GETs in
// parallel, each on its own connection (a browser tab of its own), each read to the last
// byte or abandoned after `patienceMs` — the socket is then destroyed, as a closed tab does,
// and the server sees its client go.

export type BurstPath = { view: string; path: string };

export type BurstLoad = {
  view: string;
  /** "complete": the whole page arrived; "left": the client gave up; "error": no answer. */
  outcome: "complete" | "left" | "error";
  status: number;
  ms: number;
  /** Panels the page shows as "busy, try again" (the server's own overload answer). */
  busyPanels: number;
  /** Panels that failed with an error (React's error digest in the stream). */
  failedPanels: number;
};

export type BurstSummary = {
  clients: number;
  patienceMs: number;
  complete: number;
  /** Complete pages in which every panel has its data. */
  completeWithData: number;
  /** Complete pages with at least one "busy" panel. */
  completeWithBusyPanels: number;
  completeWithFailedPanels: number;
  /** Answered 503: the server had no room to render the page in time (a "busy" page). */
  refused: number;
  left: number;
  errors: number;
  statuses: Record<string, number>;
  /** Over complete pages: ms to the last byte. */
  completeMs: { p50: number; p90: number; max: number };
  /** Wall time from the first request until the last client had its page or left. */
  wallMs: number;
};

// Markers in the HTML: the busy panel's data attribute (components/dashboard/PanelUnavailable.tsx)
// and React's error digest / error-boundary instruction for a panel that threw.
const BUSY_MARKER = /data-panel-unavailable=/g;
const FAILED_MARKER = /data-dgst=|\$RX\("/g;

export async function runBurst(options: { base: string; paths: BurstPath[]; count: number; cookie: string; patienceMs: number }): Promise<{ loads: BurstLoad[]; summary: BurstSummary }> {
  const started = performance.now();
  const loads = await Promise.all(
    Array.from({ length: options.count }, (_, i) => {
      const target = options.paths[i % options.paths.length];
      if (!target) throw new Error("runBurst needs at least one path");
      return loadOnce(options.base + target.path, target.view, options.cookie, options.patienceMs);
    }),
  );
  return { loads, summary: summarise(loads, options, performance.now() - started) };
}

function loadOnce(url: string, view: string, cookie: string, patienceMs: number): Promise<BurstLoad> {
  return new Promise((resolve) => {
    const started = performance.now();
    let status = 0;
    const done = (outcome: BurstLoad["outcome"], body = "") => {
      clearTimeout(timer);
      resolve({ view, outcome, status, ms: round1(performance.now() - started), busyPanels: count(body, BUSY_MARKER), failedPanels: count(body, FAILED_MARKER) });
    };
    // agent: false — a connection of its own, closed when the client leaves.
    const req = http.get(url, { agent: false, headers: { accept: "text/html,*/*", cookie } }, (res) => {
      status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.once("end", () => done("complete", Buffer.concat(chunks).toString("utf8")));
      res.once("error", () => done("error"));
    });
    req.once("error", () => {
      if (!left) done("error");
    });
    let left = false;
    const timer = setTimeout(() => {
      left = true;
      req.destroy();
      done("left");
    }, patienceMs);
  });
}

function count(body: string, marker: RegExp): number {
  return body.match(marker)?.length ?? 0;
}

function summarise(loads: BurstLoad[], options: { count: number; patienceMs: number }, wallMs: number): BurstSummary {
  const complete = loads.filter((l) => l.outcome === "complete");
  const statuses: Record<string, number> = {};
  for (const l of loads) {
    const key = l.outcome === "complete" ? String(l.status) : l.outcome;
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const ms = complete.map((l) => l.ms);
  return {
    clients: options.count,
    patienceMs: options.patienceMs,
    complete: complete.length,
    completeWithData: complete.filter((l) => l.status === 200 && l.busyPanels === 0 && l.failedPanels === 0).length,
    completeWithBusyPanels: complete.filter((l) => l.busyPanels > 0).length,
    completeWithFailedPanels: complete.filter((l) => l.failedPanels > 0).length,
    refused: complete.filter((l) => l.status === 503).length,
    left: loads.filter((l) => l.outcome === "left").length,
    errors: loads.filter((l) => l.outcome === "error").length,
    statuses,
    completeMs: { p50: round1(quantile(ms, 0.5)), p90: round1(quantile(ms, 0.9)), max: round1(max(ms)) },
    wallMs: round1(wallMs),
  };
}
