import { CARD_CLASS } from "./card";
import { cn } from "./cn";
import { Pagination } from "./pagination";

// Where a list stands: the page shown, how many pages and rows there are, how many rows a page holds.
export type PageInfo = { page: number; pageCount: number; total: number; pageSize: number };

// A card holding one page of a list (a table or a list of items), what to say when the list is
// empty (by default: when it has no rows at all), and the links to the other pages under it. A
// `header` (a heading, status tabs) sits above the list; `labelledBy` names the card by it.
export function PagedCard({
  page,
  hrefFor,
  nouns,
  empty,
  isEmpty = page.total === 0,
  header,
  labelledBy,
  children,
  className,
}: {
  page: PageInfo;
  hrefFor: (page: number) => string;
  // What one row is and what several are, for "Showing 1–25 of 40 employees".
  nouns: [one: string, many: string];
  empty: React.ReactNode;
  isEmpty?: boolean;
  header?: React.ReactNode;
  labelledBy?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section className={cn(CARD_CLASS, "overflow-hidden", className)} aria-labelledby={labelledBy}>
      {header}
      {isEmpty ? empty : children}
      <div className="border-t border-slate-200 px-4 py-3">
        <Pagination
          page={page.page}
          pageCount={page.pageCount}
          total={page.total}
          pageSize={page.pageSize}
          hrefFor={hrefFor}
          noun={page.total === 1 ? nouns[0] : nouns[1]}
        />
      </div>
    </section>
  );
}
