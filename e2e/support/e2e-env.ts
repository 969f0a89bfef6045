// Where the end-to-end instance and its fakes listen (scripts/e2e-server.ts starts them).

export const E2E_APP_PORT = 3100;
export const E2E_BASE_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_MAILJET_PORT = 3901;
export const E2E_MAILJET_URL = `http://127.0.0.1:${E2E_MAILJET_PORT}`;
export const E2E_PG_PORT = 54331;
export const E2E_DATA_DIR = ".data/e2e";
export const SESSION_COOKIE = "ministat.session";
