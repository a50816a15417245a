import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the leave calendar" width="full" toolbar rows={10} />;
}
