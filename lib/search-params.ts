// Builds a link to the same page with some query parameters changed; undefined or "" removes one.
export function withParams(
  pathname: string,
  current: Record<string, string | number | undefined>,
  changes: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

// The page number a list was asked for in its `?page=`; anything but a positive whole number is page 1.
export function pageParam(value: string | string[] | undefined): number {
  return Math.max(1, Number.parseInt(String(value ?? "1"), 10) || 1);
}
