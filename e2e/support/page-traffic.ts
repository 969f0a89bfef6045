import type { Page, Response } from "@playwright/test";

// Every request a page makes and every Set-Cookie header it receives, for the "no cookie" and
// "nothing from another origin" checks.

export function recordTraffic(page: Page) {
  const requests: string[] = [];
  const setCookies: Promise<string | null>[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("response", (response: Response) => {
    // A late response (a prefetch cut short by the next navigation) may be gone by the time we
    // ask; the cookie jar check below still catches any cookie it could have set.
    setCookies.push(
      response
        .headerValue("set-cookie")
        .then((value) => (value ? `${response.url()}: ${value}` : null))
        .catch(() => null),
    );
  });
  return {
    requests,
    setCookieHeaders: async () => (await Promise.all(setCookies)).filter((v): v is string => v !== null),
  };
}

