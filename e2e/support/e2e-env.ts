// Where the end-to-end instance and its fakes listen (scripts/e2e-server.ts starts them).
// The defaults suit one run at a time; E2E_PORT_OFFSET moves every port (and the data
// directory) so that two checkouts on one machine can run their suites side by side.

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const E2E_APP_PORT = 3100 + offset;
export const E2E_BASE_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_MAILJET_PORT = 3901 + offset;
export const E2E_MAILJET_URL = `http://127.0.0.1:${E2E_MAILJET_PORT}`;
export const E2E_TEST_SITE_PORT = 3902 + offset; // e2e/support/test-site-server.ts
export const E2E_STRIPE_PORT = 3903 + offset;
export const E2E_STRIPE_URL = `http://127.0.0.1:${E2E_STRIPE_PORT}`;
export const E2E_PG_PORT = 54331 + offset;
export const E2E_DATA_DIR = offset === 0 ? ".data/e2e" : `.data/e2e-${offset}`;
export const SESSION_COOKIE = "ministat.session";
/** The e2e server's MAIL_INBOUND_SECRET: specs post Mailjet Parse API payloads with it. */
export const E2E_MAIL_INBOUND_SECRET = "e2e-inbound-secret-not-for-production-use";
