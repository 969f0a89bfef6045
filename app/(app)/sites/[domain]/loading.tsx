import { DashboardSkeleton } from "@/components/dashboard/Skeletons";

export default function Loading() {
  return <DashboardSkeleton />;
}
