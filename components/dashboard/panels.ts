import type { Dimension } from "@/lib/analytics/types";

export type PanelTab = { dimension: Dimension; label: string; column: string };
export type PanelConfig = { id: string; title: string; tabs: [PanelTab, ...PanelTab[]] };

/** What a panel row shows: the value and its visitors (the Details modal has the rest). */
export type PanelRow = { value: string; visitors: number };

// Rows shown in a panel before "Details".
export const PANEL_ROWS = 9;

// The four breakdown panels of the dashboard, in reading order.
export const PANELS: PanelConfig[] = [
  {
    id: "sources",
    title: "Sources",
    tabs: [
      { dimension: "channel", label: "Channels", column: "Channel" },
      { dimension: "source", label: "Sources", column: "Source" },
      { dimension: "utm_source", label: "UTM source", column: "UTM source" },
      { dimension: "utm_medium", label: "UTM medium", column: "UTM medium" },
      { dimension: "utm_campaign", label: "UTM campaign", column: "UTM campaign" },
    ],
  },
  {
    id: "pages",
    title: "Pages",
    tabs: [
      { dimension: "page", label: "Top pages", column: "Page" },
      { dimension: "entry_page", label: "Entry pages", column: "Entry page" },
      { dimension: "exit_page", label: "Exit pages", column: "Exit page" },
    ],
  },
  {
    id: "locations",
    title: "Locations",
    tabs: [
      { dimension: "country", label: "Countries", column: "Country" },
      { dimension: "region", label: "Regions", column: "Region" },
      { dimension: "city", label: "Cities", column: "City" },
    ],
  },
  {
    id: "devices",
    title: "Devices",
    tabs: [
      { dimension: "browser", label: "Browsers", column: "Browser" },
      { dimension: "os", label: "OS", column: "Operating system" },
      { dimension: "device", label: "Devices", column: "Device" },
    ],
  },
];
