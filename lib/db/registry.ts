// A named registry on globalThis: one instance per process of each long-lived resource (database
// clients, the breaker), surviving module reloads in development so pools are not leaked.
const REGISTRY = Symbol.for("hrms.db.registry");

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

export function remember<T>(name: string, create: () => T): T {
  const entries = registry();
  if (!entries.has(name)) entries.set(name, create());
  return entries.get(name) as T;
}

export function forget(name: string): void {
  registry().delete(name);
}
