"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useTransition } from "react";

const TYPING_PAUSE_MS = 350;

// Filters that live in the URL, so a filtered list can be bookmarked and shared. Selects and dates
// apply at once (applyNow), a search box on Enter or after a short pause in typing
// (applyAfterTyping). Applying keeps the other query parameters and goes back to the first page.
export function useUrlFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function apply(form: HTMLFormElement) {
    clearTimeout(typingTimer.current);
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value.trim()) params.set(key, value.trim());
      else params.delete(key);
    }
    params.delete("page");
    startTransition(() => router.replace(params.size ? `${pathname}?${params}` : pathname));
  }

  return {
    isPending,
    // The value a filter shows: what the URL says now.
    current: (key: string) => searchParams.get(key) ?? "",
    onSubmit: (event: React.FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      apply(event.currentTarget);
    },
    applyNow: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => apply(event.currentTarget.form!),
    applyAfterTyping: (event: React.ChangeEvent<HTMLInputElement>) => {
      const form = event.currentTarget.form!;
      clearTimeout(typingTimer.current);
      typingTimer.current = setTimeout(() => apply(form), TYPING_PAUSE_MS);
    },
  };
}
