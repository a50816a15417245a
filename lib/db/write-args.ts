import { uuidv7 } from "uuidv7";

// Makes a write safe to run twice, on either database. Ids are fixed before the first attempt
// (a create retried on SQLite after PostgreSQL died mid-commit must not mint a second id), and
// every update bumps `version`, the base for optimistic concurrency and conflict detection.
const NESTED_CREATE = new Set(["create", "connectOrCreate", "upsert", "createMany"]);
const NESTED_UPDATE = new Set(["update", "updateMany", "upsert"]);

type Data = Record<string, unknown>;
type NewId = () => string;

// The ids one operation generates, the same on every attempt: a transaction retried on SQLite
// after its COMMIT's outcome on PostgreSQL was unknown creates the very rows it may have created
// there (the replay then finds them applied), never twins with other ids.
export class OperationIds {
  private readonly issued_: string[] = [];
  private position = 0;

  readonly take: NewId = () => {
    if (this.position === this.issued_.length) this.issued_.push(uuidv7());
    return this.issued_[this.position++];
  };

  // A new attempt hands out the same ids in the same order.
  rewind(): void {
    this.position = 0;
  }

  get issued(): readonly string[] {
    return this.issued_;
  }
}

function isPlainObject(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function withId(data: unknown, newId: NewId): unknown {
  if (!isPlainObject(data)) return data;
  return prepareNested({ ...data, id: data.id ?? newId() }, newId);
}

function withVersionBump(data: unknown, newId: NewId): unknown {
  if (!isPlainObject(data)) return data;
  const bumped = "version" in data ? data : { ...data, version: { increment: 1 } };
  return prepareNested(bumped, newId);
}

function each(value: unknown, prepare: (item: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map(prepare) : prepare(value);
}

// Walks relation fields of a create/update payload for nested writes.
function prepareNested(data: Data, newId: NewId): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = isPlainObject(value) && Object.keys(value).some((k) => NESTED_CREATE.has(k) || NESTED_UPDATE.has(k)) ? prepareRelation(value, newId) : value;
  }
  return out;
}

function prepareRelation(relation: Data, newId: NewId): Data {
  const out: Data = { ...relation };
  const created = (item: unknown) => withId(item, newId);
  const bumped = (item: unknown) => withVersionBump(item, newId);
  if (relation.create) out.create = each(relation.create, created);
  if (isPlainObject(relation.createMany)) out.createMany = { ...relation.createMany, data: each(relation.createMany.data, created) };
  if (relation.connectOrCreate) {
    out.connectOrCreate = each(relation.connectOrCreate, (item) => (isPlainObject(item) ? { ...item, create: created(item.create) } : item));
  }
  if (relation.update) {
    out.update = each(relation.update, (item) => (isPlainObject(item) && "data" in item ? { ...item, data: bumped(item.data) } : bumped(item)));
  }
  if (relation.updateMany) {
    out.updateMany = each(relation.updateMany, (item) => (isPlainObject(item) ? { ...item, data: bumped(item.data) } : item));
  }
  if (relation.upsert) {
    out.upsert = each(relation.upsert, (item) => (isPlainObject(item) ? { ...item, create: created(item.create), update: bumped(item.update) } : item));
  }
  return out;
}

export function prepareWriteArgs(operation: string, args: unknown, newId: NewId = uuidv7): unknown {
  if (!isPlainObject(args)) return args;
  const created = (item: unknown) => withId(item, newId);
  switch (operation) {
    case "create":
      return { ...args, data: created(args.data) };
    case "createMany":
    case "createManyAndReturn":
      return { ...args, data: each(args.data, created) };
    case "update":
    case "updateMany":
    case "updateManyAndReturn":
      return { ...args, data: withVersionBump(args.data, newId) };
    case "upsert":
      return { ...args, create: created(args.create), update: withVersionBump(args.update, newId) };
    default:
      return args;
  }
}
