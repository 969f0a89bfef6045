import { headers } from "next/headers";

import { CLIENT_IP_HEADER } from "./client-ip-header";

export async function getRequestIp(): Promise<string> {
  return (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
}
