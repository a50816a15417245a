import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading your leave" width="6xl" stats={4} rows={6} />;
}
