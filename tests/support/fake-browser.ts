/**
 * A deliberately small fake browser for running the built tracker in node:vm.
 *
 * Only what the tracker is allowed to use exists; anything else is a ReferenceError inside
 * the VM, so a tracker that starts depending on a new API fails the tests instead of
 * silently doing nothing. Cookies and storage are booby-trapped: every access that is not
 * the one permitted read (localStorage.ministat_ignore) is written to `privacyLog`.
 *
 * Real browser behaviour is covered by the Playwright e2e tests.
 */
import vm from "node:vm";

export interface Payload {
  n: string;
  u: string;
  d: string | null;
  r: string | null;
  w: number;
  p?: Record<string, unknown>;
}

export interface Sent {
  via: "beacon" | "fetch";
  url: string;
  /** The raw body, as handed to sendBeacon/fetch. */
  raw: unknown;
  /** The body parsed as JSON. */
  payload: Payload;
  init?: Record<string, unknown>;
}

export interface FakeBrowserOptions {
  /** Page URL. Default https://example.com/. */
  href?: string;
  /** Script tag src. Default https://ministat.example/js/script.js. */
  src?: string;
  /** Attributes of the script tag. Default { "data-domain": "example.com" }. */
  attributes?: Record<string, string>;
  referrer?: string;
  innerWidth?: number;
  webdriver?: boolean;
  /** navigator.sendBeacon: "ok" (default), "refuses" (returns false) or "missing". */
  beacon?: "ok" | "refuses" | "missing";
  /** localStorage contents, or "throws" to make reading localStorage throw (sandboxed iframe). */
  localStorage?: Record<string, string> | "throws";
  /** document.prerendering (speculation-rules prerender). */
  prerendering?: boolean;
  /** Extra globals, e.g. { Cypress: {} }. */
  globals?: Record<string, unknown>;
  /** Page code run before the tracker, e.g. the queue snippet. */
  before?: string;
}

type Listener = (event: Record<string, unknown>) => void;

class EventTargetFake {
  readonly listeners: { type: string; listener: Listener; capture: boolean }[] = [];
  addEventListener = (type: string, listener: Listener, options?: boolean | { capture?: boolean }) => {
    const capture = typeof options === "boolean" ? options : Boolean(options?.capture);
    this.listeners.push({ type, listener, capture });
  };
  removeEventListener = () => {
    throw new Error("the tracker never removes listeners");
  };
  dispatch(type: string, event: Record<string, unknown> = {}) {
    for (const entry of this.listeners.filter((l) => l.type === type)) entry.listener({ type, ...event });
  }
  types() {
    return this.listeners.map((l) => l.type);
  }
}

/** The subset of Location the tracker reads, backed by a real URL. */
class FakeLocation {
  url: URL;
  constructor(href: string) {
    this.url = new URL(href);
  }
  get href() {
    return this.url.href;
  }
  get protocol() {
    return this.url.protocol;
  }
  get host() {
    return this.url.host;
  }
  get hostname() {
    return this.url.hostname;
  }
  get pathname() {
    return this.url.pathname;
  }
  get search() {
    return this.url.search;
  }
  get hash() {
    return this.url.hash;
  }
  get origin() {
    return this.url.origin;
  }
}

/** A Storage stand-in that records every write (setItem, property assignment, delete, clear). */
function fakeStorage(name: string, data: Record<string, string>, log: string[]) {
  const methods: Record<string, unknown> = {
    getItem: (key: string) => (key in data ? data[key] : null),
    setItem: (key: string) => log.push(`${name}.setItem(${key})`),
    removeItem: (key: string) => log.push(`${name}.removeItem(${key})`),
    clear: () => log.push(`${name}.clear()`),
    key: () => null,
    length: Object.keys(data).length,
  };
  return new Proxy(methods, {
    get(target, key) {
      if (typeof key !== "string") return undefined;
      if (key === "ministat_ignore" && name === "localStorage") return data[key];
      log.push(`${name}.${key} read`);
      return key in data ? data[key] : target[key];
    },
    set(_target, key) {
      log.push(`${name}.${String(key)} = …`);
      return true;
    },
    defineProperty(_target, key) {
      log.push(`${name} defineProperty ${String(key)}`);
      return true;
    },
    deleteProperty(_target, key) {
      log.push(`delete ${name}.${String(key)}`);
      return true;
    },
  });
}

/** An <a> element as the tracker sees it (host/pathname/href resolved against the page). */
export function fakeLink(href: string, base: string) {
  const url = new URL(href, base);
  const link = {
    tagName: "A",
    href: url.href,
    host: url.host,
    pathname: url.pathname,
    closest: (selector: string) => (selector === "a[href]" ? link : null),
  };
  return link;
}

/** An element inside `link` (e.g. an <img>), or a free-standing one when link is null. */
export function fakeChild(link: ReturnType<typeof fakeLink> | null) {
  return { tagName: "SPAN", closest: (selector: string) => (selector === "a[href]" ? link : null) };
}

export function runTracker(code: string, options: FakeBrowserOptions = {}) {
  const sent: Sent[] = [];
  const privacyLog: string[] = [];
  const consoleCalls: unknown[][] = [];
  const location = new FakeLocation(options.href ?? "https://example.com/");
  const attributes = options.attributes ?? { "data-domain": "example.com" };
  const storageData = options.localStorage === "throws" ? {} : { ...options.localStorage };
  const historyStates: unknown[] = [];

  const record = (via: Sent["via"], url: string, raw: unknown, init?: Record<string, unknown>) => {
    if (typeof raw !== "string") throw new Error(`body must be a string (text/plain), got ${typeof raw}`);
    sent.push({ via, url, raw, payload: JSON.parse(raw) as Payload, init });
  };

  const win = new EventTargetFake();
  const doc = new EventTargetFake();
  const script = {
    src: options.src ?? "https://ministat.example/js/script.js",
    getAttribute: (name: string) => (name in attributes ? attributes[name] : null),
    hasAttribute: (name: string) => name in attributes,
  };
  Object.assign(doc, { currentScript: script, referrer: options.referrer ?? "", prerendering: !!options.prerendering });
  Object.defineProperty(doc, "cookie", {
    get() {
      privacyLog.push("document.cookie read");
      return "";
    },
    set() {
      privacyLog.push("document.cookie write");
    },
  });

  const navigator: Record<string, unknown> = { webdriver: !!options.webdriver, userAgent: "FakeBrowser/1.0" };
  if (options.beacon !== "missing") {
    navigator.sendBeacon = (url: string, body: unknown) => {
      if (options.beacon === "refuses") return false;
      record("beacon", url, body);
      return true;
    };
  }

  const history = {
    pushState(this: unknown, state: unknown, _title: string, url?: string | null) {
      // Like browsers: the method only works when called on the history object.
      if (this !== history) throw new TypeError("Illegal invocation");
      historyStates.push(state);
      if (url != null) location.url = new URL(url, location.href);
    },
    replaceState(state: unknown, _title: string, url?: string | null) {
      historyStates.push(state);
      if (url != null) location.url = new URL(url, location.href);
    },
  };

  const context: Record<string, unknown> = {
    document: doc,
    location,
    navigator,
    history,
    innerWidth: options.innerWidth ?? 1280,
    URL,
    addEventListener: win.addEventListener,
    removeEventListener: win.removeEventListener,
    fetch: (url: string, init: Record<string, unknown>) => {
      record("fetch", url, init.body, init);
      return Promise.resolve({ ok: true, status: 202 });
    },
    console: new Proxy({}, { get: (_t, method) => (...args: unknown[]) => consoleCalls.push([method, ...args]) }),
    ...options.globals,
  };
  context.window = context;
  Object.defineProperty(context, "localStorage", {
    get() {
      if (options.localStorage === "throws") throw new Error("SecurityError: access is denied for this document");
      return fakeStorage("localStorage", storageData, privacyLog);
    },
  });
  for (const name of ["sessionStorage", "indexedDB", "caches", "cookieStore"]) {
    Object.defineProperty(context, name, {
      get() {
        privacyLog.push(`${name} accessed`);
        return undefined;
      },
    });
  }

  vm.createContext(context);
  if (options.before) vm.runInContext(options.before, context);
  vm.runInContext(code, context);

  return {
    sent,
    /** Cookie/storage accesses other than reading localStorage.ministat_ignore. */
    privacyLog,
    consoleCalls,
    storageData,
    historyStates,
    location,
    window: win,
    document: doc,
    /** The page's `window` as the tracker sees it (window.ministat etc.). */
    global: context as Record<string, unknown> & { ministat?: (...args: unknown[]) => void },
    history,
    /** Like a SPA router: history.pushState then nothing else. */
    pushState(url: string, state: unknown = {}) {
      history.pushState(state, "", url);
    },
    /** Back/forward: the browser changes the URL, then fires popstate. */
    popTo(url: string) {
      location.url = new URL(url, location.href);
      win.dispatch("popstate", { state: null });
    },
    /** Following an in-page #anchor: the URL changes, then hashchange fires. */
    hashChange(hash: string) {
      location.url = new URL(hash, location.href);
      win.dispatch("hashchange");
    },
    /** Dispatches a click (button 0 = left, 1 = middle → auxclick, 2 = right → auxclick). */
    click(target: unknown, button = 0) {
      win.dispatch(button === 0 ? "click" : "auxclick", { button, target });
    },
  };
}
