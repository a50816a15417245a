import { uuidv7 } from "uuidv7";

// Makes a write safe to run twice, on either database. Ids are fixed before the first attempt
// (a create retried on SQLite after PostgreSQL died mid-commit must not mint a second id), and
// every update bumps `version`, the base for optimistic concurrency and conflict detection.
const NESTED_CREATE = new Set(["create", "connectOrCreate", "upsert", "createMany"]);
const NESTED_UPDATE = new Set(["update", "updateMany", "upsert"]);

type Data = Record<string, unknown>;

function isPlainObject(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function withId(data: unknown): unknown {
  if (!isPlainObject(data)) return data;
  return prepareNested({ ...data, id: data.id ?? uuidv7() });
}

function withVersionBump(data: unknown): unknown {
  if (!isPlainObject(data)) return data;
  const bumped = "version" in data ? data : { ...data, version: { increment: 1 } };
  return prepareNested(bumped);
}

function each(value: unknown, prepare: (item: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map(prepare) : prepare(value);
}

// Walks relation fields of a create/update payload for nested writes.
function prepareNested(data: Data): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = isPlainObject(value) && Object.keys(value).some((k) => NESTED_CREATE.has(k) || NESTED_UPDATE.has(k)) ? prepareRelation(value) : value;
  }
  return out;
}

function prepareRelation(relation: Data): Data {
  const out: Data = { ...relation };
  if (relation.create) out.create = each(relation.create, withId);
  if (isPlainObject(relation.createMany)) out.createMany = { ...relation.createMany, data: each(relation.createMany.data, withId) };
  if (relation.connectOrCreate) {
    out.connectOrCreate = each(relation.connectOrCreate, (item) => (isPlainObject(item) ? { ...item, create: withId(item.create) } : item));
  }
  if (relation.update) {
    out.update = each(relation.update, (item) =>
      isPlainObject(item) && "data" in item ? { ...item, data: withVersionBump(item.data) } : withVersionBump(item),
    );
  }
  if (relation.updateMany) {
    out.updateMany = each(relation.updateMany, (item) => (isPlainObject(item) ? { ...item, data: withVersionBump(item.data) } : item));
  }
  if (relation.upsert) {
    out.upsert = each(relation.upsert, (item) =>
      isPlainObject(item) ? { ...item, create: withId(item.create), update: withVersionBump(item.update) } : item,
    );
  }
  return out;
}

export function prepareWriteArgs(operation: string, args: unknown): unknown {
  if (!isPlainObject(args)) return args;
  switch (operation) {
    case "create":
      return { ...args, data: withId(args.data) };
    case "createMany":
    case "createManyAndReturn":
      return { ...args, data: each(args.data, withId) };
    case "update":
    case "updateMany":
    case "updateManyAndReturn":
      return { ...args, data: withVersionBump(args.data) };
    case "upsert":
      return { ...args, create: withId(args.create), update: withVersionBump(args.update) };
    default:
      return args;
  }
}
