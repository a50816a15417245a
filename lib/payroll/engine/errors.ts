import { AppError } from "@/lib/errors";

// The engine's errors are the app's one error type: a definition or input the caller can fix,
// with the offending field's path ("components.HRA.formula") so a form can show it beside the field.
export function invalid(path: string, message: string): AppError {
  return new AppError("validation_failed", message, { [path]: message });
}
