// npm run db:seed - fills an empty database with the demo organisation.
import { closeDatabase } from "@/lib/db";
import { log } from "@/lib/log";
import { isDatabaseEmpty, seedDemoData } from "@/lib/seed/demo-data";

if (!(await isDatabaseEmpty())) {
  log.info("the database already has data; demo data not added");
} else {
  const counts = await seedDemoData();
  log.info("demo data added", counts);
}
await closeDatabase();
