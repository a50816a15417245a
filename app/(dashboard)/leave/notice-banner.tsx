import { SuccessNotice } from "@/components/ui/notice";
import { noticeText } from "@/lib/leave/requests/notices";

// The outcome of the last action, named in the URL by the action that redirected here.
export function NoticeBanner({ notice }: { notice: string | string[] | undefined }) {
  const text = noticeText(notice);
  if (!text) return null;
  return <SuccessNotice testId="leave-notice">{text}</SuccessNotice>;
}
