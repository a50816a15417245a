import Link from "next/link";
import { CARD_CLASS } from "./card";
import { cn } from "./cn";
import { TONE_TEXT, type Tone } from "./tone";

type StatProps = { label: string; value: React.ReactNode; hint?: React.ReactNode; href?: string; tone?: Tone; testId?: string };

// One number with its label and a hint; a link when there is a page behind it.
export function Stat({ label, value, hint, href, tone = "neutral", testId }: StatProps) {
  const body = (
    <>
      <p className="text-sm text-slate-600">{label}</p>
      <p className={cn("mt-1 text-3xl font-semibold tracking-tight tabular-nums", TONE_TEXT[tone])} data-testid={testId}>
        {value}
      </p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </>
  );
  return href ? (
    <Link href={href} className={cn(CARD_CLASS, "block p-5 transition hover:border-brand-500 hover:shadow-md")}>
      {body}
    </Link>
  ) : (
    <div className={cn(CARD_CLASS, "p-5")}>{body}</div>
  );
}
