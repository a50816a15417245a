import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { isValidIsoDate } from "@/lib/leave/dates";
import { getRequestFormOptions } from "@/lib/leave/requests/request-options";
import { firstParams } from "@/lib/validations/leave-requests";
import { RequestForm } from "./request-form";

export const metadata: Metadata = { title: "Request leave" };

// ?employee= (HR, on someone's behalf) and ?start= (from the calendar) prefill the form.
const ZPrefill = z.object({
  employee: z.string().max(64).optional().catch(undefined),
  start: z.string().refine(isValidIsoDate).optional().catch(undefined),
});

export default async function RequestLeavePage({ searchParams }: PageProps<"/leave/request">) {
  const user = await requireUser();
  const prefill = ZPrefill.parse(firstParams(await searchParams));
  const options = await getRequestFormOptions(user);
  const employeeId = options.employees?.some((employee) => employee.id === prefill.employee) && prefill.employee !== user.employeeId ? prefill.employee! : "";
  const canRequest = Boolean(options.self || options.employees);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <Link href="/leave" className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← My leave
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Request leave</h1>
        <p className="mt-1 text-sm text-slate-600">
          Only working days count: weekends and public holidays in the range are free. Requests awaiting approval already count against the balance.
        </p>
      </div>
      {canRequest ? (
        <RequestForm {...options} initial={{ employeeId, startDate: prefill.start ?? "" }} />
      ) : (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
          <p className="font-medium">Your sign-in is not linked to an employee record</p>
          <p className="mt-1 text-sm text-slate-600">Leave is requested for an employee. Ask HR to link your sign-in to your record.</p>
        </div>
      )}
    </div>
  );
}
