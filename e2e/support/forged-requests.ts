import http from "node:http";
import type { Page } from "@playwright/test";
import { E2E_APP_PORT } from "./e2e-env";

// Requests a browser would never send — a forged Host or X-Forwarded-Host, a foreign Origin, a
// hand-made server-action body — sent with node:http, which sends the headers as given.

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function sendRaw(options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      // Host as given (or the real one): node:http adds its own only when none is set.
      { host: "127.0.0.1", port: E2E_APP_PORT, method: options.method ?? "GET", path: options.path, headers: { host: `localhost:${E2E_APP_PORT}`, ...options.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

export type CapturedAction = { path: string; headers: Record<string, string>; body: Buffer };

/**
 * Submits a form in the page the way a person would, but stops its server-action POST at the
 * browser and returns it (headers, cookie included, and body), to be sent again with forged headers.
 */
export async function captureServerAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let captured: ((action: CapturedAction) => void) | undefined;
  const done = new Promise<CapturedAction>((resolve) => (captured = resolve));
  await page.route(
    (url) => url.port === String(E2E_APP_PORT),
    async (route) => {
      const request = route.request();
      const headers = await request.allHeaders();
      if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
      captured?.({ path: new URL(request.url()).pathname, headers: withoutPseudoHeaders(headers), body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    },
  );
  await submit();
  const action = await done;
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return action;
}

function withoutPseudoHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(":") && name !== "content-length" && name !== "host"));
}

/** The captured action again, with some headers replaced (`null` removes one), and maybe another body. */
export function replayAction(action: CapturedAction, changes: Record<string, string | null>, body: Buffer | string = action.body): Promise<RawResponse> {
  const headers: Record<string, string> = { ...action.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return sendRaw({ method: "POST", path: action.path, headers, body });
}
