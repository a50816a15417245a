import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { seedDemoActivity } from "./demo-activity";
import { seedDemoAttendance } from "./demo-attendance";
import { seedDemoPayroll } from "@/lib/payroll/demo";
import { seedDemoLeave } from "./demo-leave";

export const DEMO_PASSWORD = "demo-password";

// A small, realistic organisation for trying the app: 8 departments, 62 people, managers,
// everyone's hire date and status varied. Deterministic (a seeded generator), so screenshots and
// tests see the same company every time.
const DEPARTMENTS = [
  { code: "EXEC", name: "Executive Office", title: "Chief Executive Officer" },
  {
    code: "ENG",
    name: "Engineering",
    title: "VP Engineering",
    roles: ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "QA Engineer", "DevOps Engineer"],
  },
  { code: "PROD", name: "Product", title: "Head of Product", roles: ["Product Manager", "Product Designer", "UX Researcher"] },
  { code: "SALES", name: "Sales", title: "VP Sales", roles: ["Account Executive", "Sales Development Rep", "Solutions Engineer"] },
  { code: "MKT", name: "Marketing", title: "Head of Marketing", roles: ["Content Marketer", "Growth Marketer", "Brand Designer"] },
  { code: "FIN", name: "Finance", title: "Finance Director", roles: ["Accountant", "Financial Analyst", "Payroll Specialist"] },
  { code: "PEOPLE", name: "People & Culture", title: "Head of People", roles: ["HR Business Partner", "Recruiter", "People Operations Specialist"] },
  { code: "SUP", name: "Customer Support", title: "Support Director", roles: ["Support Specialist", "Support Team Lead", "Technical Support Engineer"] },
] as const;

const SIZES: Record<string, number> = { EXEC: 0, ENG: 16, PROD: 6, SALES: 9, MKT: 5, FIN: 4, PEOPLE: 4, SUP: 10 };

const FIRST_NAMES = [
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Linus",
  "Margaret",
  "Tim",
  "Barbara",
  "Dennis",
  "Frances",
  "Ken",
  "Radia",
  "John",
  "Hedy",
  "Edsger",
  "Sophie",
  "Niklaus",
  "Joan",
  "Donald",
  "Shafi",
  "Leslie",
  "Anita",
  "Bjarne",
  "Mary",
  "Guido",
  "Karen",
  "James",
  "Lynn",
  "Yukihiro",
  "Evelyn",
  "Amir",
  "Priya",
  "Mateo",
  "Aisha",
  "Lars",
  "Chiara",
  "Kwame",
  "Ingrid",
  "Diego",
  "Mei",
  "Olu",
  "Hana",
  "Rafael",
  "Zoe",
  "Tomasz",
  "Leila",
  "Jonas",
  "Nadia",
  "Pablo",
  "Sakura",
  "Emeka",
  "Freya",
];
const LAST_NAMES = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Torvalds",
  "Hamilton",
  "Berners-Lee",
  "Liskov",
  "Ritchie",
  "Allen",
  "Thompson",
  "Perlman",
  "McCarthy",
  "Lamarr",
  "Dijkstra",
  "Wilson",
  "Wirth",
  "Clarke",
  "Knuth",
  "Goldwasser",
  "Lamport",
  "Borg",
  "Stroustrup",
  "Keller",
  "van Rossum",
  "Spärck Jones",
  "Gosling",
  "Conway",
  "Matsumoto",
  "Berezin",
  "Haddad",
  "Raman",
  "García",
  "Okafor",
  "Nilsson",
  "Rossi",
  "Mensah",
  "Larsen",
  "Fernández",
  "Chen",
  "Adeyemi",
  "Suzuki",
  "Costa",
  "Novak",
];

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db.employee.count()) === 0 && (await db.department.count()) === 0;
}

export async function seedDemoData(today = new Date()): Promise<{ departments: number; employees: number }> {
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const usedEmails = new Set<string>();
  let counter = 0;

  const daysAgo = (min: number, max: number) => {
    const days = Math.floor(min + next() * (max - min));
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    date.setUTCDate(date.getUTCDate() - days);
    return date;
  };

  async function createPerson(jobTitle: string, departmentId: string | null, managerId: string | null, seniority: number) {
    counter += 1;
    let firstName = pick(FIRST_NAMES);
    let lastName = pick(LAST_NAMES);
    let email =
      `${firstName}.${lastName}`
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z.]/g, "") + "@example.com";
    while (usedEmails.has(email)) {
      firstName = pick(FIRST_NAMES);
      lastName = pick(LAST_NAMES);
      email =
        `${firstName}.${lastName}`
          .toLowerCase()
          .normalize("NFD")
          .replace(/[^a-z.]/g, "") + "@example.com";
    }
    usedEmails.add(email);
    const roll = next();
    const status = seniority > 0 ? "ACTIVE" : roll < 0.08 ? "TERMINATED" : roll < 0.16 ? "ON_LEAVE" : "ACTIVE";
    const hireDate = seniority > 0 ? daysAgo(900, 3000) : daysAgo(5, 2400);
    const exitDate = status === "TERMINATED" ? daysAgo(1, 120) : null;
    const employmentType = seniority > 0 ? "FULL_TIME" : roll > 0.93 ? "CONTRACTOR" : roll > 0.88 ? "PART_TIME" : roll > 0.85 ? "INTERN" : "FULL_TIME";
    return db.employee.create({
      data: {
        employeeNumber: `E${String(1000 + counter)}`,
        firstName,
        lastName,
        workEmail: email,
        phone: `+44 20 7946 ${String(Math.floor(next() * 9000) + 1000)}`,
        jobTitle,
        departmentId,
        managerId,
        employmentType,
        status,
        hireDate,
        exitDate,
        exitReason: exitDate ? pick(["Resigned", "Relocated", "End of contract", "Career change"]) : null,
        dateOfBirth: daysAgo(22 * 365, 60 * 365),
        salaryCents: Math.round((45_000 + seniority * 60_000 + next() * 55_000) / 500) * 500 * 100,
        salaryCurrency: "GBP",
      },
      select: { id: true },
    });
  }

  const exec = await db.department.create({ data: { code: "EXEC", name: "Executive Office" } });
  const ceo = await createPerson("Chief Executive Officer", exec.id, null, 2);
  await db.department.update({ where: { id: exec.id }, data: { headId: ceo.id } });
  let employees = 1;

  for (const spec of DEPARTMENTS.slice(1)) {
    const department = await db.department.create({ data: { code: spec.code, name: spec.name, parentId: exec.id } });
    const head = await createPerson(spec.title, department.id, ceo.id, 1);
    await db.department.update({ where: { id: department.id }, data: { headId: head.id } });
    employees += 1;
    const roles = "roles" in spec ? spec.roles : [];
    let lead = head.id;
    for (let i = 0; i < SIZES[spec.code]; i++) {
      // Larger departments get a team lead, so reporting lines are more than one level deep.
      const isLead = i === 0 && SIZES[spec.code] >= 9;
      const person = await createPerson(isLead ? `${roles[0]} Lead` : roles[i % roles.length], department.id, isLead ? head.id : lead, 0);
      if (isLead) lead = person.id;
      employees += 1;
    }
  }
  await seedDemoUsers();
  await seedDemoLeave(today);
  await seedDemoAttendance(today);
  await seedDemoActivity(today);
  await seedDemoPayroll(today);
  return { departments: DEPARTMENTS.length, employees };
}

// One sign-in per role, tied to fitting people: HR to the Head of People, the manager to the VP
// Engineering, the employee to an engineer in that reporting line.
async function seedDemoUsers() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const byTitle = async (jobTitle: string) =>
    (await db.employee.findFirst({ where: { jobTitle }, select: { id: true }, orderBy: { employeeNumber: "asc" } }))?.id ?? null;
  const vpEngineering = await byTitle("VP Engineering");
  const engineer = await db.employee.findFirst({
    where: { jobTitle: "Software Engineer", status: "ACTIVE", department: { code: "ENG" } },
    select: { id: true },
    orderBy: { employeeNumber: "asc" },
  });
  const accounts = [
    { email: "admin@example.com", role: "ADMIN" as const, employeeId: await byTitle("Chief Executive Officer") },
    { email: "hr@example.com", role: "HR" as const, employeeId: await byTitle("Head of People") },
    { email: "manager@example.com", role: "MANAGER" as const, employeeId: vpEngineering },
    { email: "employee@example.com", role: "EMPLOYEE" as const, employeeId: engineer?.id ?? null },
  ];
  for (const account of accounts) await db.user.create({ data: { ...account, passwordHash } });
}
