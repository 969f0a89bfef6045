/**
 * Behaviour of the *built* tracker (what browsers actually download), run in node:vm
 * against the fake browser in tests/support/fake-browser.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadBuiltScripts, QUEUE_SNIPPET } from "@/tests/support/built-tracker-scripts";
import { fakeLink, runTracker, type FakeBrowserOptions } from "@/tests/support/fake-browser";

let defaultCode = "";
let extendedCode = "";

beforeAll(async () => {
  ({ defaultCode, extendedCode } = await loadBuiltScripts());
});

const run = (options: FakeBrowserOptions = {}) => runTracker(defaultCode, options);
const names = (page: ReturnType<typeof run>) => page.sent.map((s) => s.payload.n);

describe("pageviews", () => {
  it("sends one pageview on load, as text/plain JSON via sendBeacon to <script origin>/api/event", () => {
    const page = run({
      href: "https://example.com/blog/post?utm_source=news#top",
      referrer: "https://www.google.com/",
      innerWidth: 390,
    });
    expect(page.sent).toHaveLength(1);
    const [sent] = page.sent;
    expect(sent?.via).toBe("beacon");
    expect(sent?.url).toBe("https://ministat.example/api/event");
    // A string body is what makes sendBeacon use text/plain (no CORS preflight).
    expect(typeof sent?.raw).toBe("string");
    expect(sent?.payload).toStrictEqual({
      n: "pageview",
      u: "https://example.com/blog/post?utm_source=news#top",
      d: "example.com",
      r: "https://www.google.com/",
      w: 390,
    });
    expect(sent?.raw).not.toContain('"p"');
  });

  it("sends referrer null when there is none", () => {
    const page = run({ referrer: "" });
    expect(page.sent[0]?.payload.r).toBeNull();
    expect(page.sent[0]?.raw).toContain('"r":null');
  });

  it("uses data-api when set", () => {
    const page = run({ attributes: { "data-domain": "example.com", "data-api": "/stats/event" } });
    expect(page.sent.map((s) => s.url)).toEqual(["/stats/event"]);
  });

  it("derives the endpoint from the script's origin, dropping its path and query", () => {
    const page = run({ src: "https://cdn.ministat.example:8443/assets/js/script.js?v=3" });
    expect(page.sent[0]?.url).toBe("https://cdn.ministat.example:8443/api/event");
  });

  it("sends a pageview on pushState to a new path or query, not for the same path", () => {
    const page = run({ href: "https://example.com/" });
    page.pushState("/pricing");
    page.pushState("/pricing"); // same path again: not a new page
    page.pushState("/pricing#faq"); // hash only: ignored without data-hash
    page.pushState("/pricing?plan=pro"); // query changed: new page
    expect(page.sent.map((s) => [s.payload.n, s.payload.u])).toEqual([
      ["pageview", "https://example.com/"],
      ["pageview", "https://example.com/pricing"],
      ["pageview", "https://example.com/pricing?plan=pro"],
    ]);
  });

  it("still performs the real pushState (arguments and this passed through)", () => {
    const page = run({ href: "https://example.com/" });
    page.pushState("/a", { id: 7 });
    expect(page.historyStates).toEqual([{ id: 7 }]);
    expect(page.location.href).toBe("https://example.com/a");
  });

  it("sends a pageview on popstate (back/forward)", () => {
    const page = run({ href: "https://example.com/a" });
    page.pushState("/b");
    page.popTo("/a");
    expect(page.sent.map((s) => s.payload.u)).toEqual([
      "https://example.com/a",
      "https://example.com/b",
      "https://example.com/a",
    ]);
  });

  it("does not count replaceState (routers use it to tidy the URL)", () => {
    const page = run({ href: "https://example.com/a" });
    page.history.replaceState({}, "", "/a?tab=2");
    expect(page.sent).toHaveLength(1);
  });

  it("ignores hash changes by default but counts them with data-hash", () => {
    const plain = run({ href: "https://example.com/app" });
    plain.hashChange("#/settings");
    expect(plain.sent).toHaveLength(1);
    expect(plain.window.types()).not.toContain("hashchange");

    const hashed = run({
      href: "https://example.com/app",
      attributes: { "data-domain": "example.com", "data-hash": "" },
    });
    hashed.hashChange("#/settings");
    hashed.pushState("#/profile");
    expect(hashed.sent.map((s) => s.payload.u)).toEqual([
      "https://example.com/app",
      "https://example.com/app#/settings",
      "https://example.com/app#/profile",
    ]);
  });

  it("waits for a prerendered page to be shown before counting it", () => {
    const page = run({ prerendering: true });
    expect(page.sent).toHaveLength(0);
    page.document.dispatch("prerenderingchange");
    expect(names(page)).toEqual(["pageview"]);
  });
});

describe("custom events", () => {
  it("window.ministat(name, { props }) sends the event with its props", () => {
    const page = run({ href: "https://example.com/signup" });
    page.global.ministat?.("Signup", { props: { plan: "pro", seats: 3 } });
    expect(page.sent).toHaveLength(2);
    expect(page.sent[1]?.payload).toStrictEqual({
      n: "Signup",
      u: "https://example.com/signup",
      d: "example.com",
      r: null,
      w: 1280,
      p: { plan: "pro", seats: 3 },
    });
  });

  it("calls the callback after sending", () => {
    const page = run();
    const order: string[] = [];
    page.global.ministat?.("Signup", { callback: () => order.push(`callback after ${page.sent.length} sent`) });
    expect(order).toEqual(["callback after 2 sent"]);
  });

  it("accepts no options, or null", () => {
    const page = run();
    page.global.ministat?.("A");
    page.global.ministat?.("B", null);
    expect(names(page)).toEqual(["pageview", "A", "B"]);
    expect(page.sent[2]?.payload).not.toHaveProperty("p");
  });

  it("replays calls queued by the snippet before the script loaded, after the pageview", () => {
    const page = run({
      before: `${QUEUE_SNIPPET};
        ministat('Signup', { props: { plan: 'pro' } });
        ministat('Newsletter');`,
    });
    expect(page.sent.map((s) => [s.payload.n, s.payload.p])).toEqual([
      ["pageview", undefined],
      ["Signup", { plan: "pro" }],
      ["Newsletter", undefined],
    ]);
    // The stub is replaced: later calls are sent at once, not queued.
    page.global.ministat?.("Later");
    expect(names(page)).toEqual(["pageview", "Signup", "Newsletter", "Later"]);
  });

  it("falls back to fetch with keepalive when sendBeacon is missing or refuses", () => {
    for (const beacon of ["missing", "refuses"] as const) {
      const page = run({ beacon });
      page.global.ministat?.("Signup", { props: { plan: "pro" } });
      expect(page.sent.map((s) => [s.via, s.payload.n])).toEqual([
        ["fetch", "pageview"],
        ["fetch", "Signup"],
      ]);
      const init = page.sent[1]?.init;
      expect(init).toMatchObject({ method: "POST", keepalive: true });
      // No Content-Type header: a string body goes as text/plain, so no CORS preflight.
      expect(init).not.toHaveProperty("headers");
      expect(page.sent[1]?.payload.p).toEqual({ plan: "pro" });
    }
  });
});

describe("ignored visits send nothing", () => {
  const expectIgnored = (page: ReturnType<typeof run>) => {
    page.pushState("/next");
    const called: string[] = [];
    page.global.ministat?.("Signup", { props: { a: 1 }, callback: () => called.push("cb") });
    expect(page.sent).toEqual([]);
    // Quiet about it…
    expect(page.consoleCalls).toEqual([]);
    // …and a callback still runs, so sites that navigate from it don't get stuck.
    expect(called).toEqual(["cb"]);
  };

  it.each([
    "http://localhost:3000/",
    "http://127.0.0.1:8080/",
    "http://127.1.2.3/",
    "http://[::1]:3000/",
    "file:///home/me/site/index.html",
  ])("on %s", (href) => {
    expectIgnored(run({ href }));
  });

  it("but not on hosts that merely look local", () => {
    for (const href of ["https://localhost.example.com/", "https://127.example.com/"]) {
      expect(run({ href }).sent).toHaveLength(1);
    }
  });

  it("when navigator.webdriver is true", () => {
    expectIgnored(run({ webdriver: true }));
  });

  it.each(["_phantom", "__nightmare", "Cypress"])("when window.%s is present", (name) => {
    expectIgnored(run({ globals: { [name]: {} } }));
  });

  it('when localStorage.ministat_ignore is "true"', () => {
    expectIgnored(run({ localStorage: { ministat_ignore: "true" } }));
    // Any other value is no opt-out.
    expect(run({ localStorage: { ministat_ignore: "false" } }).sent).toHaveLength(1);
  });

  it("when the visitor opts out while the page stays open", () => {
    const page = run();
    page.storageData.ministat_ignore = "true";
    page.pushState("/next");
    page.global.ministat?.("Signup");
    expect(names(page)).toEqual(["pageview"]);
  });

  it("still tracks when reading localStorage throws (sandboxed iframe)", () => {
    const page = run({ localStorage: "throws" });
    page.global.ministat?.("Signup");
    expect(names(page)).toEqual(["pageview", "Signup"]);
  });
});

describe("data-allow-local (for testing only)", () => {
  const allowLocal = { "data-domain": "example.com", "data-allow-local": "" };

  it("tracks on localhost in a webdriver-controlled browser (our e2e setup)", () => {
    const page = run({ href: "http://localhost:3000/", webdriver: true, attributes: allowLocal });
    page.global.ministat?.("Signup");
    expect(names(page)).toEqual(["pageview", "Signup"]);
    expect(page.sent[0]?.payload.u).toBe("http://localhost:3000/");
  });

  it("does not override the visitor's localStorage opt-out", () => {
    const page = run({
      href: "http://localhost:3000/",
      webdriver: true,
      attributes: allowLocal,
      localStorage: { ministat_ignore: "true" },
    });
    page.global.ministat?.("Signup");
    expect(page.sent).toEqual([]);
  });
});

describe("privacy", () => {
  it.each([
    ["script.js", () => defaultCode],
    ["script.extended.js", () => extendedCode],
  ])("%s never touches cookies or writes storage", (_name, code) => {
    const page = runTracker(code(), {
      before: `${QUEUE_SNIPPET}; ministat('Queued', { props: { x: 1 } });`,
      localStorage: { ministat_ignore: "false", other: "x" },
    });
    page.pushState("/a");
    page.popTo("/");
    page.global.ministat?.("Signup", { props: { plan: "pro" }, callback: () => {} });
    const base = page.location.href;
    page.click(fakeLink("https://other.example/", base));
    page.click(fakeLink("/files/report.pdf", base), 1);
    expect(page.sent.length).toBeGreaterThanOrEqual(5);
    expect(page.privacyLog).toEqual([]);
    expect(page.consoleCalls).toEqual([]);
    expect(page.storageData).toEqual({ ministat_ignore: "false", other: "x" });
  });

  it("sends no identifier of the visitor beyond the documented fields", () => {
    const page = run();
    page.global.ministat?.("Signup", { props: { plan: "pro" } });
    for (const { payload } of page.sent) {
      expect(Object.keys(payload).sort()).toEqual(
        payload.p ? ["d", "n", "p", "r", "u", "w"] : ["d", "n", "r", "u", "w"],
      );
    }
  });

  it("leaks no globals besides window.ministat", () => {
    const page = run();
    const known = new Set([
      "document", "location", "navigator", "history", "innerWidth", "URL", "addEventListener",
      "removeEventListener", "fetch", "console", "window", "localStorage", "sessionStorage",
      "indexedDB", "caches", "cookieStore", "ministat",
    ]);
    expect(Object.keys(page.global).filter((k) => !known.has(k))).toEqual([]);
    expect(typeof page.global.ministat).toBe("function");
  });
});
