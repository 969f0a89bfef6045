import { describe, expect, it } from "vitest";
import { getClientIp, normaliseIp } from "./client-ip";

describe("getClientIp", () => {
  it.each<[string | undefined, string | string[] | undefined, number, string]>([
    // socket, X-Forwarded-For, hops, expected
    ["203.0.113.7", undefined, 0, "203.0.113.7"],
    ["203.0.113.7", "198.51.100.1", 0, "203.0.113.7"], // header ignored without trusted proxies
    [" ::ffff:203.0.113.7 ", undefined, 0, "203.0.113.7"],
    ["2001:db8::1", undefined, 0, "2001:db8::1"],
    [undefined, undefined, 0, ""],
    [undefined, "198.51.100.1", 0, ""],
    ["10.0.0.2", "198.51.100.1", 1, "198.51.100.1"],
    ["10.0.0.2", "6.6.6.6, 198.51.100.1", 1, "198.51.100.1"], // spoofed left entry ignored
    ["10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.1", 2, "198.51.100.1"],
    ["10.0.0.2", "198.51.100.1,10.0.0.1", 3, "10.0.0.2"], // header too short → socket
    ["10.0.0.2", "", 1, "10.0.0.2"],
    ["10.0.0.2", " , ", 1, "10.0.0.2"],
    ["10.0.0.2", ["6.6.6.6", "198.51.100.1"], 1, "198.51.100.1"],
    ["10.0.0.2", ["6.6.6.6, 198.51.100.1", "10.0.0.1"], 2, "198.51.100.1"],
    ["10.0.0.2", "  ::ffff:198.51.100.1  ", 1, "198.51.100.1"],
    ["10.0.0.2", "198.51.100.1:51234", 1, "198.51.100.1"],
    ["10.0.0.2", "[2001:db8::5]:443", 1, "2001:db8::5"],
    ["10.0.0.2", "2001:db8::5", 1, "2001:db8::5"],
    ["10.0.0.2", "198.51.100.1", Number.NaN, "10.0.0.2"],
    ["10.0.0.2", "198.51.100.1", -1, "10.0.0.2"],
  ])("socket %j, XFF %j, %d hops → %j", (socket, xff, hops, expected) => {
    expect(getClientIp(socket, xff, hops)).toBe(expected);
  });
});

describe("normaliseIp", () => {
  it.each([
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::FFFF:192.0.2.1", "192.0.2.1"],
    ["::ffff:c000:201", "::ffff:c000:201"], // hex form is left to the IPv6 parser
    ["::1", "::1"],
    ["fe80::1", "fe80::1"],
    ["[::1]", "::1"],
  ])("%s → %s", (raw, ip) => {
    expect(normaliseIp(raw)).toBe(ip);
  });
});
