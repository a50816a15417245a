"use client";

import { useEffect, useRef } from "react";

// After a failed submit, move focus to what needs attention so keyboard and screen-reader users
// land on it: a stale-edit notice (marked data-conflict), else the first invalid field.
export function useFocusOnError(state: { ok?: boolean } | null | undefined) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state || state.ok) return;
    formRef.current?.querySelector<HTMLElement>("[data-conflict], [aria-invalid=true]")?.focus();
  }, [state]);
  return formRef;
}
