import { cn } from "./cn";
import { TONE_BADGE, TONE_DOT, type Tone } from "./tone";

type BadgeProps = { tone?: Tone; dot?: boolean; className?: string; children: React.ReactNode } & Omit<React.ComponentProps<"span">, "children">;

// A small rounded label whose colour says what it means ("warning", "success"), not how it looks.
export function Badge({ tone = "neutral", dot = false, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONE_BADGE[tone],
        className,
      )}
      {...props}
    >
      {dot && <span aria-hidden className={cn("size-1.5 rounded-full", TONE_DOT[tone])} />}
      {children}
    </span>
  );
}
