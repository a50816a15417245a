// A stand-in for next/headers, whose cookies() and headers() need Next's request scope. A test file
// swaps it in with `vi.mock("next/headers", () => import("@/test/helpers/next-headers"))`, puts the
// cookies of the request under test in `jar.incoming`, and reads what a handler set from
// `jar.outgoing` (a deleted cookie is an empty value with maxAge 0).
export const jar = {
  incoming: new Map<string, string>(),
  outgoing: new Map<string, { value: string; maxAge?: number }>(),
  requestHeaders: new Headers(),
};

export async function headers(): Promise<Headers> {
  return new Headers(jar.requestHeaders);
}

export async function cookies() {
  return {
    get: (name: string) => (jar.incoming.has(name) ? { name, value: jar.incoming.get(name)! } : undefined),
    has: (name: string) => jar.incoming.has(name),
    set: (name: string, value: string, options?: { maxAge?: number }) => void jar.outgoing.set(name, { value, maxAge: options?.maxAge }),
    delete: (name: string) => void jar.outgoing.set(name, { value: "", maxAge: 0 }),
  };
}
