import { expect } from "vitest";
import { buildTracker } from "@/scripts/build-tracker";

// The built tracker scripts (what browsers actually download), for the behaviour tests.

export const QUEUE_SNIPPET =
  "window.ministat = window.ministat || function () { (window.ministat.q = window.ministat.q || []).push(arguments) }";

export async function loadBuiltScripts(): Promise<{ defaultCode: string; extendedCode: string }> {
  const builds = await buildTracker({ write: false });
  const defaultCode = builds.find((b) => b.name === "script.js")?.code ?? "";
  const extendedCode = builds.find((b) => b.name === "script.extended.js")?.code ?? "";
  expect(defaultCode).not.toBe("");
  expect(extendedCode).not.toBe("");
  return { defaultCode, extendedCode };
}
