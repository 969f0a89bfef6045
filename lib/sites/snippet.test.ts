import { describe, expect, it } from "vitest";
import { buildSnippets } from "./snippet";

describe("buildSnippets", () => {
  it("points the script tag at the app and names the domain", () => {
    const snippets = buildSnippets("https://ministat.eu/", "example.com");
    expect(snippets.basic).toBe('<script defer data-domain="example.com" src="https://ministat.eu/js/script.js"></script>');
    expect(snippets.extended).toBe('<script defer data-domain="example.com" src="https://ministat.eu/js/script.extended.js"></script>');
  });

  it("ships a queue stub that defines window.ministat before the script loads", () => {
    const { queueStub, customEvent } = buildSnippets("http://localhost:3000", "example.com");
    const window: { ministat?: ((...args: unknown[]) => void) & { q?: unknown[][] } } = {};
    new Function("window", queueStub.replace(/^<script>|<\/script>$/g, ""))(window);
    new Function("window", customEvent)(window);
    expect(window.ministat?.q?.map((args) => Array.from(args))).toEqual([["Signup", { props: { plan: "pro" } }]]);
  });

  it("escapes the domain inside the attribute", () => {
    expect(buildSnippets("https://ministat.eu", 'a"b').basic).toContain('data-domain="a&quot;b"');
  });
});
