import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading leave types" rows={5} rowHeight="md" />;
}
