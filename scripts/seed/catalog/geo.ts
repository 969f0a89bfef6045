import { Weighted } from "../weighted";
import type { Rng } from "../random";

// Visitor locations, EU-heavy as befits an EU product. Region and city names are spelled
// exactly as the shipped GeoLite2 database returns them (ASCII, English: "Bavaria",
// "Dusseldorf", "Ile-de-France") — checked by sampling lib/analytics/enrich/geo.ts — so
// seeded rows group with real ones. Some addresses resolve to a country only.

export type Place = { country: string | null; region: string | null; city: string | null };

// country, weight, cities as "Region|City:weight; …".
const COUNTRIES: Array<[string, number, string]> = [
  ["DE", 18, "Hesse|Frankfurt am Main:9; State of Berlin|Berlin:12; Free and Hanseatic City of Hamburg|Hamburg:6; Bavaria|Munich:7; Bavaria|Nuremberg:3; North Rhine-Westphalia|Cologne:4; Baden-Wurttemberg|Stuttgart:3; North Rhine-Westphalia|Dusseldorf:3; North Rhine-Westphalia|Essen:2; Lower Saxony|Hanover:2; Saxony|Leipzig:2; Saxony|Dresden:2"],
  ["US", 13, "California|San Francisco:6; New York|New York:7; California|Los Angeles:4; Washington|Seattle:3; Texas|Austin:3; Illinois|Chicago:3; Massachusetts|Boston:3; Colorado|Denver:2; Texas|Dallas:2; Virginia|Ashburn:1; Oregon|Portland:2; Georgia|Atlanta:2"],
  ["GB", 8, "England|London:14; England|Manchester:3; England|Birmingham:2; Scotland|Edinburgh:2; Scotland|Glasgow:2; England|Bristol:2; England|Leeds:2; Wales|Cardiff:1; England|Cambridge:1; England|Brighton:1"],
  ["FR", 7, "Ile-de-France|Paris:14; Provence-Alpes-Cote d'Azur|Marseille:2; Rhone-Alpes|Lyon:3; Occitanie|Toulouse:2; Grand Est|Strasbourg:1; Pays de la Loire|Nantes:2; Brittany|Rennes:1; Provence-Alpes-Cote d'Azur|Nice:1; Occitanie|Montpellier:1"],
  ["NL", 6, "North Holland|Amsterdam:12; South Holland|Rotterdam:3; Utrecht|Utrecht:3; South Holland|The Hague:2; North Brabant|Eindhoven:2; Groningen|Groningen:1; North Holland|Haarlem:1; South Holland|Leiden:1"],
  ["PL", 4, "Mazovia|Warsaw:10; Lesser Poland|Krakow:4; Lower Silesia|Wroclaw:4; Greater Poland|Poznan:2; Pomerania|Gdansk:2; Silesia|Katowice:1; Lodz Voivodeship|Lodz:1"],
  ["ES", 4, "Madrid|Madrid:9; Catalonia|Barcelona:8; Valencia|Valencia:2; Andalusia|Seville:1; Andalusia|Malaga:2; Basque Country|Bilbao:1; Aragon|Zaragoza:1"],
  ["IT", 3.5, "Lombardy|Milan:8; Lazio|Rome:6; Piedmont|Turin:2; Emilia-Romagna|Bologna:2; Tuscany|Florence:2; Campania|Naples:1"],
  ["SE", 3, "Stockholm County|Stockholm:10; Vastra Gotaland County|Gothenburg:3; Skane County|Malmo:2; Uppsala County|Uppsala:1"],
  ["LT", 2.5, "Vilnius|Vilnius:10; Kaunas|Kaunas:4; Klaipeda County|Klaipeda:2; Siauliai|Siauliai:1; Panevezys|Panevezys:1"],
  ["AT", 2.5, "State of Vienna|Vienna:10; Styria|Graz:2; Upper Austria|Linz:1; State of Salzburg|Salzburg:1; Tyrol|Innsbruck:1"],
  ["CH", 2.5, "Zurich|Zurich:8; Geneva|Geneva:3; Vaud|Lausanne:2; Basel-City|Basel:2; Bern|Bern:2"],
  ["BE", 2, "Brussels Capital|Brussels:6; Flanders|Antwerp:3; Flanders|Ghent:2; Wallonia|Liege:1"],
  ["DK", 2, "Capital Region|Copenhagen:8; Central Jutland|Aarhus:2; South Denmark|Odense:1; North Denmark|Aalborg:1"],
  ["FI", 2, "Uusimaa|Helsinki:8; Uusimaa|Espoo:2; Pirkanmaa|Tampere:2; Southwest Finland|Turku:1; North Ostrobothnia|Oulu:1"],
  ["NO", 1.5, "Oslo|Oslo:8; Vestland|Bergen:2; Trondelag|Trondheim:1; Rogaland|Stavanger:1"],
  ["IE", 1.5, "Leinster|Dublin:10; Munster|Cork:2; Connacht|Galway:1"],
  ["PT", 1.5, "Lisbon|Lisbon:6; Porto|Porto:3; Braga|Braga:1; Coimbra|Coimbra:1"],
  ["CZ", 1.5, "Prague|Prague:8; South Moravian|Brno:3; Moravian-Silesian Region|Ostrava:1"],
  ["EE", 1, "Harjumaa|Tallinn:8; Tartu|Tartu:2"],
  ["LV", 1, "Riga|Riga:8; Jelgava|Jelgava:1; Liepaja|Liepaja:1"],
  ["RO", 1, "Bucharest|Bucharest:8; Cluj County|Cluj-Napoca:3; Timis County|Timisoara:2; Iasi County|Iasi:1"],
  ["UA", 1, "Kyiv City|Kyiv:8; Lviv|Lviv:3; Kharkiv Oblast|Kharkiv:2; Odesa|Odesa:1"],
  ["CA", 2, "Ontario|Toronto:6; Quebec|Montreal:4; British Columbia|Vancouver:3; Alberta|Calgary:1; Ontario|Ottawa:1"],
  ["IN", 2.5, "Karnataka|Bengaluru:6; Maharashtra|Mumbai:5; Maharashtra|Pune:3; Telangana|Hyderabad:3; National Capital Territory of Delhi|New Delhi:3; Tamil Nadu|Chennai:2"],
  ["BR", 1, "Sao Paulo|Sao Paulo:6; Rio de Janeiro|Rio de Janeiro:2; Parana|Curitiba:1"],
  ["AU", 1, "New South Wales|Sydney:5; Victoria|Melbourne:4; Queensland|Brisbane:1"],
  ["JP", 0.7, "Tokyo|Tokyo:8; Osaka|Osaka:2"],
];

const COUNTRY_ONLY_SHARE = 0.12;
const UNKNOWN_COUNTRY_SHARE = 0.004; // private or unallocated addresses, satellite links…

function parseCities(country: string, spec: string): Weighted<Place> {
  return new Weighted(
    spec.split("; ").map((entry) => {
      const [place = "", weight = "1"] = entry.split(":");
      const [region = "", city = ""] = place.split("|");
      return [{ country, region, city }, Number(weight)] as const;
    }),
  );
}

const PLACES = new Map(COUNTRIES.map(([code, , cities]) => [code, parseCities(code, cities)]));
const COUNTRY = new Weighted(COUNTRIES.map(([code, weight]) => [code, weight] as const));

export function samplePlace(rng: Rng): Place {
  if (rng.chance(UNKNOWN_COUNTRY_SHARE)) return { country: null, region: null, city: null };
  const country = COUNTRY.sample(rng);
  const cities = PLACES.get(country);
  if (cities === undefined || rng.chance(COUNTRY_ONLY_SHARE)) return { country, region: null, city: null };
  return cities.sample(rng);
}

