import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading corrections" width="5xl" rows={4} rowHeight="lg" />;
}
