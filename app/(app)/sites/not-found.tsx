import { SiteNotFound } from "@/components/sites/SiteNotFound";

export default function NotFound() {
  return <SiteNotFound />;
}
