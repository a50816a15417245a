-- CreateEnum
CREATE TYPE "PayComponentKind" AS ENUM ('EARNING', 'DEDUCTION', 'EMPLOYER_CONTRIBUTION');

-- CreateEnum
CREATE TYPE "PayFrequency" AS ENUM ('MONTHLY', 'SEMI_MONTHLY', 'BI_WEEKLY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "PayRunStatus" AS ENUM ('DRAFT', 'CALCULATING', 'CALCULATED', 'APPROVED', 'PAID');

-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "bankAccountName" TEXT,
ADD COLUMN     "bankAccountNumber" TEXT,
ADD COLUMN     "bic" TEXT,
ADD COLUMN     "iban" TEXT,
ADD COLUMN     "sortCode" TEXT;

-- CreateTable
CREATE TABLE "PayComponent" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PayComponentKind" NOT NULL,
    "calculation" TEXT NOT NULL,
    "isTaxable" BOOLEAN NOT NULL DEFAULT true,
    "isContributable" BOOLEAN NOT NULL DEFAULT true,
    "isPreTax" BOOLEAN NOT NULL DEFAULT false,
    "isPreContribution" BOOLEAN NOT NULL DEFAULT false,
    "prorate" BOOLEAN,
    "minAmount" INTEGER,
    "maxAmount" INTEGER,
    "rounding" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalaryStructure" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SalaryStructure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalaryStructureComponent" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SalaryStructureComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaySchedule" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "frequency" "PayFrequency" NOT NULL DEFAULT 'MONTHLY',
    "anchorDate" TIMESTAMP(3),
    "prorationBasis" TEXT NOT NULL DEFAULT 'CALENDAR_DAYS',
    "taxRules" TEXT NOT NULL DEFAULT 'UK',
    "taxYearStart" TEXT NOT NULL DEFAULT '04-06',
    "deductAbsences" BOOLEAN NOT NULL DEFAULT false,
    "flagChangePercent" INTEGER NOT NULL DEFAULT 20,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaySchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxYear" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payer" TEXT NOT NULL DEFAULT 'EMPLOYEE',
    "base" TEXT NOT NULL DEFAULT 'TAXABLE',
    "method" TEXT NOT NULL DEFAULT 'CUMULATIVE',
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "allowance" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaxYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxBracket" (
    "id" TEXT NOT NULL,
    "taxYearId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "upTo" INTEGER,
    "ratePercent" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaxBracket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalaryAssignment" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "baseAmount" INTEGER NOT NULL,
    "basePer" TEXT NOT NULL DEFAULT 'YEAR',
    "taxCode" TEXT,
    "niCategory" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SalaryAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayRun" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "frequency" "PayFrequency" NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "payDate" TIMESTAMP(3) NOT NULL,
    "status" "PayRunStatus" NOT NULL DEFAULT 'DRAFT',
    "employeeCount" INTEGER NOT NULL DEFAULT 0,
    "calculatedCount" INTEGER NOT NULL DEFAULT 0,
    "flaggedCount" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "totals" TEXT,
    "lastError" TEXT,
    "createdById" TEXT,
    "calculatedById" TEXT,
    "calculatedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "paidById" TEXT,
    "paidAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payslip" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "gross" INTEGER NOT NULL,
    "taxablePay" INTEGER NOT NULL,
    "contributablePay" INTEGER NOT NULL,
    "totalDeductions" INTEGER NOT NULL,
    "net" INTEGER NOT NULL,
    "employerContributions" INTEGER NOT NULL,
    "employerCost" INTEGER NOT NULL,
    "days" TEXT NOT NULL,
    "yearToDate" TEXT NOT NULL,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "previousNet" INTEGER,
    "isFlagged" BOOLEAN NOT NULL DEFAULT false,
    "flagReason" TEXT,
    "payee" TEXT,
    "lines" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payslip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayAdjustment" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "isTaxable" BOOLEAN NOT NULL DEFAULT true,
    "correctsPayslipId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayComponent_code_key" ON "PayComponent"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SalaryStructure_code_key" ON "SalaryStructure"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SalaryStructureComponent_structureId_componentId_key" ON "SalaryStructureComponent"("structureId", "componentId");

-- CreateIndex
CREATE UNIQUE INDEX "PaySchedule_code_key" ON "PaySchedule"("code");

-- CreateIndex
CREATE UNIQUE INDEX "TaxYear_code_startsOn_key" ON "TaxYear"("code", "startsOn");

-- CreateIndex
CREATE INDEX "TaxBracket_taxYearId_idx" ON "TaxBracket"("taxYearId");

-- CreateIndex
CREATE INDEX "SalaryAssignment_employeeId_effectiveFrom_idx" ON "SalaryAssignment"("employeeId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "SalaryAssignment_scheduleId_idx" ON "SalaryAssignment"("scheduleId");

-- CreateIndex
CREATE INDEX "PayRun_status_idx" ON "PayRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PayRun_scheduleId_periodStart_key" ON "PayRun"("scheduleId", "periodStart");

-- CreateIndex
CREATE INDEX "Payslip_employeeId_idx" ON "Payslip"("employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "Payslip_runId_employeeId_key" ON "Payslip"("runId", "employeeId");

-- CreateIndex
CREATE INDEX "PayAdjustment_employeeId_periodStart_idx" ON "PayAdjustment"("employeeId", "periodStart");

-- CreateIndex
CREATE INDEX "PayAdjustment_periodStart_idx" ON "PayAdjustment"("periodStart");

-- AddForeignKey
ALTER TABLE "SalaryStructureComponent" ADD CONSTRAINT "SalaryStructureComponent_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "SalaryStructure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalaryStructureComponent" ADD CONSTRAINT "SalaryStructureComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "PayComponent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxBracket" ADD CONSTRAINT "TaxBracket_taxYearId_fkey" FOREIGN KEY ("taxYearId") REFERENCES "TaxYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalaryAssignment" ADD CONSTRAINT "SalaryAssignment_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalaryAssignment" ADD CONSTRAINT "SalaryAssignment_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "SalaryStructure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalaryAssignment" ADD CONSTRAINT "SalaryAssignment_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "PaySchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayRun" ADD CONSTRAINT "PayRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "PaySchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payslip" ADD CONSTRAINT "Payslip_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PayRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payslip" ADD CONSTRAINT "Payslip_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayAdjustment" ADD CONSTRAINT "PayAdjustment_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep the existing salaries: each employee with a salary gets a first assignment from their
-- hire date, on a monthly schedule without taxes (HR chooses the tax rules) and a structure of
-- basic pay alone in the salary's currency. Ids are derived, so both databases get the same rows.
INSERT INTO "PayComponent" ("id", "code", "name", "kind", "calculation", "updatedAt")
SELECT 'component-basic', 'BASIC', 'Basic pay', 'EARNING', '{"type":"BASE_PAY"}', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Employee" WHERE "salaryCents" IS NOT NULL);

INSERT INTO "PaySchedule" ("id", "code", "name", "frequency", "taxRules", "updatedAt")
SELECT 'schedule-monthly', 'MONTHLY', 'Monthly', 'MONTHLY', 'NONE', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Employee" WHERE "salaryCents" IS NOT NULL);

INSERT INTO "SalaryStructure" ("id", "code", "name", "currency", "updatedAt")
SELECT DISTINCT 'structure-basic-' || lower("salaryCurrency"), 'BASIC_' || upper("salaryCurrency"), 'Basic pay (' || upper("salaryCurrency") || ')', upper("salaryCurrency"), CURRENT_TIMESTAMP
FROM "Employee" WHERE "salaryCents" IS NOT NULL;

INSERT INTO "SalaryStructureComponent" ("id", "structureId", "componentId", "position", "updatedAt")
SELECT 'structure-basic-' || lower("currency") || '-basic', "id", 'component-basic', 0, CURRENT_TIMESTAMP
FROM "SalaryStructure" WHERE "id" LIKE 'structure-basic-%';

INSERT INTO "SalaryAssignment" ("id", "employeeId", "structureId", "scheduleId", "effectiveFrom", "baseAmount", "basePer", "note", "updatedAt")
SELECT 'assignment-' || "id", "id", 'structure-basic-' || lower("salaryCurrency"), 'schedule-monthly', "hireDate", "salaryCents", 'YEAR', 'From the salary on the employee record', CURRENT_TIMESTAMP
FROM "Employee" WHERE "salaryCents" IS NOT NULL;
