import { createServer, type Server } from "node:http";
import { test } from "@playwright/test";
import { E2E_BASE_URL, E2E_TEST_SITE_PORT } from "./e2e-env";

// A customer's website, served by the test on its own origin: one page with the tracker.
// data-allow-local lets the tracker run on localhost under a webdriver (for testing only).

export const TEST_SITE_PORT = E2E_TEST_SITE_PORT;
export const TEST_SITE_URL = `http://localhost:${TEST_SITE_PORT}`;

export function testSiteHtml(domain: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test shop</title>
<script>window.ministat=window.ministat||function(){(window.ministat.q=window.ministat.q||[]).push(arguments)}</script>
<script defer data-domain="${domain}" data-allow-local src="${E2E_BASE_URL}/js/script.js"></script>
</head><body><h1 id="title">Home</h1>
<button id="to-pricing" onclick="history.pushState({}, '', '/pricing'); document.getElementById('title').textContent = 'Pricing'">Pricing</button>
<button id="signup" onclick="ministat('Signup', { props: { plan: 'pro' } })">Sign up</button>
</body></html>`;
}

async function startTestSite(domain: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(testSiteHtml(domain));
  });
  await new Promise<void>((resolve) => server.listen(TEST_SITE_PORT, "127.0.0.1", resolve));
  return server;
}

/** Serves the test site with the tracker for `domain` while the spec file's tests run. */
export function serveTestSite(domain: string): void {
  let server: Server | undefined;
  test.beforeAll(async () => {
    server = await startTestSite(domain);
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
}
