import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { canSeeBankDetails } from "@/lib/payroll/save-bank-details";

// Bank details are payroll's and the employee's own; for anyone else (a manager included) they do
// not exist. Decided above the loading boundary so the status is a real 404.
export default async function BankDetailsLayout({ children, params }: LayoutProps<"/employees/[id]/bank">) {
  const user = await requireUser();
  if (!canSeeBankDetails(user, (await params).id)) notFound();
  return children;
}
