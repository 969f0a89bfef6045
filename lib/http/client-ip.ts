// The client's IP as seen by the first proxy we run. X-Forwarded-For is a list the
// client can pre-fill with anything; only the entries appended by our own proxies
// (the rightmost `trustedProxyHops`) can be believed, so we take exactly the Nth from
// the right and never the leftmost (which is whatever the client wrote).
//
// Resolved once per request by the custom server (lib/server/http-server.ts), which passes
// it to Next in CLIENT_IP_HEADER (overwriting any incoming copy) for server actions to read;
// the ingestion endpoint resolves it the same way before Next is involved.

export const CLIENT_IP_HEADER = "x-ministat-client-ip";

export function getClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxyHops: number,
): string {
  const socket = normaliseIp(socketAddress ?? "");
  if (!(trustedProxyHops >= 1) || forwardedFor === undefined) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const entries = header.split(",").filter((entry) => entry.trim() !== "");
  const entry = entries[entries.length - Math.floor(trustedProxyHops)];
  // Fewer entries than proxies: the request did not come through all of them.
  return entry === undefined ? socket : normaliseIp(entry);
}

// "::ffff:203.0.113.7" (IPv4 on a dual-stack socket) → "203.0.113.7", so one visitor has
// one address whichever way it was accepted; also drops ports some proxies append.
export function normaliseIp(raw: string): string {
  let ip = raw.trim();
  if (ip.startsWith("[")) {
    const end = ip.indexOf("]");
    ip = end === -1 ? ip.slice(1) : ip.slice(1, end); // "[2001:db8::1]:443"
  } else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(ip)) {
    ip = ip.slice(0, ip.lastIndexOf(":")); // "203.0.113.7:51234"
  }
  if (ip.length > 7 && ip.slice(0, 7).toLowerCase() === "::ffff:" && ip.includes(".")) ip = ip.slice(7);
  return ip;
}
