import { expect, test } from "@playwright/test";
import { DEMO_ORG, E2E_DEPARTMENT, storageStateFor } from "../fixtures";

const people = (count: number) => `${count} ${count === 1 ? "person" : "people"}`;

test.describe("as an employee", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("[ORG]: the org chart shows all eight departments with their heads and headcounts", async ({ page }) => {
    await page.goto("/org-chart");
    await expect(page.getByRole("heading", { name: "Org chart" })).toBeVisible();
    await expect(page.getByTestId("org-summary")).toHaveText(/^8 departments · \d+ people · 2 levels$/);

    const cards = page.getByTestId("org-chart").getByTestId("org-card");
    await expect(cards).toHaveCount(DEMO_ORG.departments.length);
    let total = 0;
    for (const department of DEMO_ORG.departments) {
      const card = cards.filter({ has: page.getByRole("link", { name: department.name, exact: true }) });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(department.head);
      const headcount = card.getByTestId("org-card-headcount");
      // Specs add people only to E2E_DEPARTMENT; every other department keeps its demo headcount.
      await expect(headcount).toHaveText(department.name === E2E_DEPARTMENT.name ? /^\d+ people$/ : people(department.headcount));
      const count = Number((await headcount.textContent())!.match(/\d+/)![0]);
      expect(count).toBeGreaterThanOrEqual(department.headcount);
      total += count;
    }
    // Everyone is in a department, so the cards add up to the people in the summary.
    await expect(page.getByTestId("org-summary")).toContainText(`· ${people(total)} ·`);

    // The Executive Office is the root; the other seven hang under it.
    await expect(page.getByRole("list", { name: "Under Executive Office" }).getByTestId("org-card")).toHaveCount(7);
  });
});

test.describe("the dashboard", () => {
  test.describe("as HR", () => {
    test.use({ storageState: storageStateFor("hr") });

    test("[ORG]: HR's dashboard shows the headcount, matching the directory, and the by-department chart", async ({ page }) => {
      await page.goto("/dashboard");
      await expect(page.getByTestId("dashboard-greeting")).toHaveText(`Hello, ${DEMO_ORG.people.hr.split(" ")[0]}`);
      const headcount = Number(await page.getByTestId("stat-headcount").textContent());

      // Headcount counts everyone not terminated: the directory's active plus on-leave people.
      const totalOf = async (status: string) => (await (await page.request.get(`/api/v1/employees?status=${status}&pageSize=1`)).json()).total as number;
      expect(headcount).toBe((await totalOf("ACTIVE")) + (await totalOf("ON_LEAVE")));
      expect(Number(await page.getByTestId("stat-on-leave").textContent())).toBe(await totalOf("ON_LEAVE"));

      const chart = page.getByTestId("department-chart");
      await expect(chart).toBeVisible();
      const label = (await chart.getAttribute("aria-label"))!;
      for (const department of DEMO_ORG.departments) expect(label).toContain(department.name);
      const bars = [...label.matchAll(/(\d+)(?:,|$)/g)].map((match) => Number(match[1]));
      expect(bars.reduce((sum, count) => sum + count, 0)).toBe(headcount);
      expect(label).toContain(`Engineering ${DEMO_ORG.departments.find((d) => d.code === "ENG")!.headcount}`);
    });
  });

  test.describe("as the employee", () => {
    test.use({ storageState: storageStateFor("employee") });

    test("[ORG]: an employee's dashboard is their own card, with no organisation figures", async ({ page }) => {
      await page.goto("/dashboard");
      const card = page.getByTestId("my-card");
      await expect(card).toContainText(DEMO_ORG.people.employee);
      await expect(card).toContainText("Software Engineer");
      await expect(card).toContainText("Engineering");
      await expect(card).toContainText(DEMO_ORG.employeeManager);
      await expect(card).toContainText(`@${DEMO_ORG.emailDomain}`);
      await expect(page.getByTestId("my-tenure")).toHaveText(/\d+ (year|month)s?|Joined this month/);
      await expect(page.getByTestId("stat-headcount")).toHaveCount(0);
      await expect(page.getByTestId("department-chart")).toHaveCount(0);
    });
  });

  test.describe("as the manager", () => {
    test.use({ storageState: storageStateFor("manager") });

    test("[ORG]: a manager's dashboard counts their team", async ({ page }) => {
      await page.goto("/dashboard");
      await expect(page.getByText("Your team", { exact: true })).toBeVisible();
      const engineering = DEMO_ORG.departments.find((d) => d.code === "ENG")!;
      await expect(page.getByTestId("stat-headcount")).toHaveText(String(engineering.headcount));
      await expect(page.getByTestId("department-chart")).toHaveAttribute("aria-label", `Headcount by department: Engineering ${engineering.headcount}`);
    });
  });
});
