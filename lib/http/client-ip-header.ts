// The custom server (lib/server/http-server.ts) resolves the client address once, honouring
// TRUSTED_PROXY_HOPS, and passes it to Next in this header (overwriting any incoming copy).
export const CLIENT_IP_HEADER = "x-ministat-client-ip";
