import { cn } from "./cn";

const SIZES = { sm: "size-8 text-xs", md: "size-10 text-sm", lg: "size-16 text-xl" } as const;

// Initials in a circle; decorative, since the name is always written beside it.
export function Avatar({ person, size = "sm", className }: { person: { firstName: string; lastName: string }; size?: keyof typeof SIZES; className?: string }) {
  return (
    <span aria-hidden className={cn("grid shrink-0 place-items-center rounded-full bg-brand-100 font-semibold text-brand-700", SIZES[size], className)}>
      {person.firstName[0]}
      {person.lastName[0]}
    </span>
  );
}
