import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the audit log" toolbar rows={8} rowHeight="md" />;
}
