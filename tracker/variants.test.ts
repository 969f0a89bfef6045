/**
 * The two variants of the built tracker: what the default script leaves out, and what the
 * extended one adds (outbound links, file downloads). Run in node:vm against tests/support/fake-browser.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadBuiltScripts, QUEUE_SNIPPET } from "@/tests/support/built-tracker-scripts";
import { fakeChild, fakeLink, runTracker, type FakeBrowserOptions } from "@/tests/support/fake-browser";

let defaultCode = "";
let extendedCode = "";

beforeAll(async () => {
  ({ defaultCode, extendedCode } = await loadBuiltScripts());
});

const run = (options: FakeBrowserOptions = {}) => runTracker(defaultCode, options);

describe("default script.js", () => {
  it("does not track link clicks", () => {
    const page = run();
    expect(page.window.types()).toEqual(["popstate"]);
    expect(page.document.types()).toEqual([]);
    expect(defaultCode).not.toContain("Outbound");
  });
});

describe("script.extended.js", () => {
  const runExtended = (options: FakeBrowserOptions = {}) =>
    runTracker(extendedCode, { href: "https://example.com/blog", ...options });
  const events = (page: ReturnType<typeof runExtended>) =>
    page.sent.slice(1).map((s) => [s.payload.n, s.payload.p]);

  it("still does everything the default script does", () => {
    const page = runExtended({ before: `${QUEUE_SNIPPET}; ministat('Queued');` });
    page.pushState("/next");
    expect(page.sent.map((s) => s.payload.n)).toEqual(["pageview", "Queued", "pageview"]);
    expect(runExtended({ webdriver: true }).sent).toEqual([]);
  });

  it("listens in the capture phase, so stopPropagation() on the page can't hide clicks", () => {
    const page = runExtended();
    const clicks = page.window.listeners.filter((l) => l.type === "click" || l.type === "auxclick");
    expect(clicks.map((l) => [l.type, l.capture])).toEqual([
      ["click", true],
      ["auxclick", true],
    ]);
  });

  it('sends "Outbound Link: Click" for links to another host (left and middle click)', () => {
    const page = runExtended();
    const link = fakeLink("https://github.com/ministat?tab=repos", page.location.href);
    page.click(link);
    page.click(fakeChild(link), 1); // middle click on an <img> inside the link
    expect(events(page)).toEqual([
      ["Outbound Link: Click", { url: "https://github.com/ministat?tab=repos" }],
      ["Outbound Link: Click", { url: "https://github.com/ministat?tab=repos" }],
    ]);
    expect(page.sent[1]?.payload.u).toBe("https://example.com/blog");
  });

  it("treats a subdomain or another port as another host", () => {
    const page = runExtended();
    page.click(fakeLink("https://www.example.com/", page.location.href));
    page.click(fakeLink("https://example.com:8443/", page.location.href));
    expect(events(page).map(([name]) => name)).toEqual(["Outbound Link: Click", "Outbound Link: Click"]);
  });

  it('sends "File Download" for files, same host or not, any case, with a query', () => {
    const page = runExtended();
    const base = page.location.href;
    page.click(fakeLink("/files/report.pdf", base));
    page.click(fakeLink("https://cdn.example.net/Setup.EXE?v=2", base));
    page.click(fakeLink("data.csv", base), 1);
    page.click(fakeLink("/slides/deck.pptx", base));
    expect(events(page)).toEqual([
      ["File Download", { url: "https://example.com/files/report.pdf" }],
      ["File Download", { url: "https://cdn.example.net/Setup.EXE?v=2" }],
      ["File Download", { url: "https://example.com/data.csv" }],
      ["File Download", { url: "https://example.com/slides/deck.pptx" }],
    ]);
  });

  it("recognises every listed file extension, and only as the last one", () => {
    const extensions =
      "pdf,xlsx,docx,txt,rtf,csv,exe,key,pps,ppt,pptx,7z,pkg,rar,gz,zip,avi,mov,mp4,mpeg,wmv,midi,mp3,wav,wma,dmg".split(",");
    const page = runExtended();
    for (const ext of extensions) page.click(fakeLink(`/f/file.${ext}`, page.location.href));
    page.click(fakeLink("/f/report.pdf.html", page.location.href));
    page.click(fakeLink("/f/archive.tar.gz", page.location.href));
    expect(events(page).map(([, p]) => (p as { url: string }).url.split("/f/")[1])).toEqual([
      ...extensions.map((ext) => `file.${ext}`),
      "archive.tar.gz",
    ]);
  });

  it("ignores same-host pages, right clicks, non-http links and clicks outside links", () => {
    const page = runExtended();
    const base = page.location.href;
    page.click(fakeLink("/pricing", base));
    page.click(fakeLink("https://example.com/docs#intro", base));
    page.click(fakeLink("https://github.com/", base), 2); // right click: context menu
    page.click(fakeLink("mailto:hello@example.com", base));
    page.click(fakeLink("tel:+123456", base));
    page.click(fakeChild(null));
    page.click({}); // a target without closest(), e.g. a synthetic event on document
    expect(page.sent).toHaveLength(1);
  });

  it("sends nothing for clicks when the visit is ignored", () => {
    const page = runExtended({ localStorage: { ministat_ignore: "true" } });
    page.click(fakeLink("https://github.com/", page.location.href));
    page.click(fakeLink("/report.pdf", page.location.href));
    expect(page.sent).toEqual([]);
  });
});
