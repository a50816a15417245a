import { noticeText } from "@/lib/leave/requests/notices";

// The outcome of the last action, named in the URL by the action that redirected here.
export function NoticeBanner({ notice }: { notice: string | string[] | undefined }) {
  const text = noticeText(notice);
  if (!text) return null;
  return (
    <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800" data-testid="leave-notice">
      {text}
    </p>
  );
}
