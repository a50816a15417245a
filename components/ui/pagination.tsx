import Link from "next/link";

type Props = {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
  noun?: string;
};

function pagesToShow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageCount, total, pageSize, hrefFor, noun = "results" }: Props) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const linkClass = "inline-flex min-w-9 items-center justify-center rounded-md px-3 py-1.5 text-sm";
  return (
    <nav aria-label="Pagination" className="flex flex-col items-center justify-between gap-3 sm:flex-row">
      <p className="text-sm text-slate-600" data-testid="pagination-summary">
        Showing <span className="font-medium text-slate-900">{first}</span>–<span className="font-medium text-slate-900">{last}</span> of{" "}
        <span className="font-medium text-slate-900">{total}</span> {noun}
      </p>
      <div className="flex items-center gap-1">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} rel="prev" className={`${linkClass} text-slate-700 hover:bg-slate-100`}>
            ← Previous
          </Link>
        ) : (
          <span className={`${linkClass} text-slate-300`} aria-disabled>
            ← Previous
          </span>
        )}
        {pagesToShow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <span key={`gap-${i}`} className="px-1 text-slate-500">
              …
            </span>
          ) : (
            <Link
              key={p}
              href={hrefFor(p)}
              aria-current={p === page ? "page" : undefined}
              aria-label={`Page ${p}`}
              className={`${linkClass} ${p === page ? "bg-brand-600 font-semibold text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {p}
            </Link>
          ),
        )}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} rel="next" className={`${linkClass} text-slate-700 hover:bg-slate-100`}>
            Next →
          </Link>
        ) : (
          <span className={`${linkClass} text-slate-300`} aria-disabled>
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
