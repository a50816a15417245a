import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/pages/or-not-found";
import { formatSortCode } from "@/lib/payroll/bank-details";
import { getBankDetails } from "@/lib/payroll/save-bank-details";
import { db } from "@/lib/db";
import { BankDetailsForm } from "./bank-details-form";

export const metadata: Metadata = { title: "Bank details" };

// Where pay goes. Seen and changed by payroll users and by the employee themselves only.
export default async function BankDetailsPage({ params }: PageProps<"/employees/[id]/bank">) {
  const user = await requireUser();
  const { id } = await params;
  const details = await orNotFound(getBankDetails(user, id));
  const employee = await orNotFound(db.employee.findUnique({ where: { id }, select: { firstName: true, lastName: true } }));
  const isSelf = user.employeeId === id;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <Link href={`/employees/${id}`} className="text-sm font-medium text-slate-600 hover:text-brand-700">
          ← Back to {isSelf ? "my profile" : `${employee.firstName} ${employee.lastName}`}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">
          {isSelf ? "My bank details" : `Bank details of ${employee.firstName} ${employee.lastName}`}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Pay is sent here. Only payroll staff and {isSelf ? "you" : "the employee"} can see these details; every change is recorded. A run already approved
          keeps the account it was calculated with.
        </p>
      </div>
      <Card>
        <BankDetailsForm
          employeeId={id}
          version={details.version}
          initial={{
            bankAccountName: details.bankAccountName ?? "",
            iban: details.iban ?? "",
            bic: details.bic ?? "",
            sortCode: details.sortCode ? formatSortCode(details.sortCode) : "",
            bankAccountNumber: details.bankAccountNumber ?? "",
          }}
        />
      </Card>
    </div>
  );
}
