"use client";

import { useState } from "react";
import type { ImportAction, ImportPreview, PreviewRow } from "@/lib/csv/import-employees";
import { DataTable, TBody, THead } from "@/components/ui/table";

const PAGE = 100;

type Filter = "errors" | ImportAction | "all";

const ACTION_BADGES: Record<ImportAction, { label: string; tone: string }> = {
  create: { label: "New", tone: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  update: { label: "Update", tone: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  skip: { label: "Unchanged", tone: "bg-slate-100 text-slate-600 ring-slate-500/20" },
};

function matches(row: PreviewRow, filter: Filter): boolean {
  if (filter === "all") return true;
  if (filter === "errors") return row.action === null;
  return row.action === filter;
}

export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const { summary } = preview;
  const stats = [
    { label: "Rows", value: summary.rows, tone: "text-slate-900" },
    { label: "New employees", value: summary.create, tone: "text-emerald-700" },
    { label: "Updates", value: summary.update, tone: "text-amber-700" },
    { label: "Unchanged", value: summary.skip, tone: "text-slate-600" },
    { label: "Rows with errors", value: summary.invalid, tone: summary.invalid ? "text-rose-700" : "text-slate-600" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="import-summary">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm text-slate-600">{stat.label}</dt>
          <dd className={`mt-1 text-2xl font-semibold tracking-tight ${stat.tone}`}>{stat.value.toLocaleString("en-GB")}</dd>
        </div>
      ))}
    </dl>
  );
}

export function FileMessages({ preview }: { preview: ImportPreview }) {
  if (!preview.errors.length && !preview.warnings.length) return null;
  return (
    <div className="flex flex-col gap-3">
      {preview.errors.length > 0 && (
        <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800" data-testid="import-file-errors">
          <p className="font-semibold">This file cannot be imported</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <div className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="import-warnings">
          <p className="font-semibold">Warnings</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

// Every row with what the import will do; a cell with an error shows its message, a cell an
// update would change is tinted. Long files are shown a hundred rows at a time.
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { summary, columns } = preview;
  const [filter, setFilter] = useState<Filter>(summary.invalid ? "errors" : "all");
  const [shown, setShown] = useState(PAGE);
  const rows = preview.rows.filter((row) => matches(row, filter));
  const tabs: { key: Filter; label: string; count: number }[] = [
    { key: "errors", label: "Errors", count: summary.invalid },
    { key: "create", label: "New", count: summary.create },
    { key: "update", label: "Updates", count: summary.update },
    { key: "skip", label: "Unchanged", count: summary.skip },
    { key: "all", label: "All rows", count: summary.rows },
  ];

  if (!preview.rows.length) return null;
  return (
    <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Rows in the file">
      <div role="group" aria-label="Show rows" className="flex flex-wrap gap-1 border-b border-slate-200 p-2">
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            aria-pressed={filter === tab.key}
            disabled={tab.count === 0}
            onClick={() => {
              setFilter(tab.key);
              setShown(PAGE);
            }}
            className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:text-slate-300 ${filter === tab.key ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {tab.label} <span className={filter === tab.key ? "text-brand-100" : "text-slate-500"}>{tab.count.toLocaleString("en-GB")}</span>
          </button>
        ))}
      </div>
      <DataTable data-testid="import-rows">
        <THead columns={["Line", "Action", ...columns].map((label) => ({ label, className: "px-3 py-2" }))} />
        <TBody>
          {rows.slice(0, shown).map((row) => (
            <PreviewTableRow key={row.line} row={row} columns={columns} />
          ))}
        </TBody>
      </DataTable>
      {rows.length > shown && (
        <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
          <span>
            Showing {shown.toLocaleString("en-GB")} of {rows.length.toLocaleString("en-GB")} rows
          </span>
          <button
            type="button"
            onClick={() => setShown(shown + PAGE)}
            className="rounded-md px-3 py-1.5 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Show {Math.min(PAGE, rows.length - shown)} more
          </button>
        </div>
      )}
    </section>
  );
}

function PreviewTableRow({ row, columns }: { row: PreviewRow; columns: ImportPreview["columns"] }) {
  const badge = row.action ? ACTION_BADGES[row.action] : null;
  return (
    <tr className={row.action ? "align-top" : "bg-rose-50/40 align-top"} data-testid="import-row" data-line={row.line}>
      <td className="px-3 py-2 font-mono text-xs text-slate-500">{row.line}</td>
      <td className="px-3 py-2">
        {badge ? (
          <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge.tone}`}>{badge.label}</span>
        ) : (
          <span className="inline-flex rounded-full bg-rose-50 px-2 py-0.5 text-xs font-medium text-rose-700 ring-1 ring-rose-600/20 ring-inset">Error</span>
        )}
        {row.errors.row && <p className="mt-1 max-w-56 text-xs font-medium text-rose-700">{row.errors.row}</p>}
      </td>
      {columns.map((column) => {
        const error = row.errors[column];
        const isChanged = row.changed.includes(column);
        const value = row.values[column] ?? "";
        return (
          <td
            key={column}
            className={`max-w-64 px-3 py-2 ${error ? "bg-rose-50 ring-1 ring-rose-300 ring-inset" : isChanged ? "bg-amber-50" : ""}`}
            data-error={error ? column : undefined}
          >
            <span className={`block truncate ${value ? "text-slate-800" : "text-slate-500"}`} title={value || undefined}>
              {value || "—"}
            </span>
            {isChanged && <span className="sr-only">(changes)</span>}
            {error && <span className="mt-0.5 block text-xs font-medium whitespace-normal text-rose-700">{error}</span>}
          </td>
        );
      })}
    </tr>
  );
}
