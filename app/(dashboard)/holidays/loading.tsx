import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading holidays" width="6xl" stats={3} rows={8} />;
}
