import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading notifications" width="3xl" rows={6} rowHeight="md" />;
}
