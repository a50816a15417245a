import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading leave ledger" width="5xl" stats={4} rows={4} />;
}
