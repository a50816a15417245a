import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

// A page's record, or the 404 page when it does not exist (or the viewer may not know it does)
// and the 403 page when it is not theirs to see: the one place a page turns those into Next's pages.
export async function orNotFound<T>(loading: Promise<T | null | undefined>): Promise<T> {
  try {
    const found = await loading;
    if (found === null || found === undefined) notFound();
    return found;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") forbidden();
    throw error;
  }
}
