import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading approvals" width="5xl" rows={3} rowHeight="lg" />;
}
