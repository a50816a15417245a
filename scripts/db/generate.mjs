// Writes prisma/{postgres,sqlite}/schema.prisma from prisma/models.prisma, fails if they drift,
// and generates both Prisma clients without any network access.
//
// Why the environment variable below: Prisma 7's CLI downloads its native schema engine before
// any command, even `prisma generate`, which never uses it. This machine's only network is the
// npm registry, so the download fails. Pointing PRISMA_SCHEMA_ENGINE_BINARY (a documented
// override) at an existing file skips the download; generation itself runs in WebAssembly.
// Migrations use Prisma's WebAssembly schema engine instead (scripts/db/schema-engine.ts).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS, composeSchema, findSchemaDrift } from "./schema-files.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const isCheckOnly = process.argv.includes("--check");

const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
const composed = {};
for (const name of Object.keys(PROVIDERS)) {
  const file = join(root, PROVIDERS[name].dir, "schema.prisma");
  composed[name] = composeSchema(name, models);
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (current !== composed[name]) {
    if (isCheckOnly) {
      console.error(`${PROVIDERS[name].dir}/schema.prisma is out of date with prisma/models.prisma: run npm run db:generate`);
      process.exit(1);
    }
    writeFileSync(file, composed[name]);
    console.log(`wrote ${PROVIDERS[name].dir}/schema.prisma from prisma/models.prisma`);
  }
}
const drift = findSchemaDrift(composed.postgres, composed.sqlite);
if (drift) {
  console.error(`schema drift: ${drift}`);
  process.exit(1);
}
if (isCheckOnly) process.exit(0);

const prismaCli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
for (const name of Object.keys(PROVIDERS)) {
  const schema = join(PROVIDERS[name].dir, "schema.prisma");
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  console.log(`generated the ${name} Prisma client from ${schema}`);
}
