import "server-only";
import { NextResponse } from "next/server";

// The query parameters of a request as one object, for a zod schema to parse.
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

// One page of a list as the API answers it: `data`, and where it stands (`page`, `pageSize`,
// `total`). The services show the last page for a page past the end; a program paging until it
// gets nothing must get nothing there instead, so the page asked for is the one answered.
export function listResponse<Row>(
  result: { rows: Row[]; page: number; pageSize: number; total: number },
  asked: { page: number },
  serialize: (row: Row) => unknown,
): NextResponse {
  const isPastEnd = result.page < asked.page;
  return NextResponse.json({ data: isPastEnd ? [] : result.rows.map(serialize), page: asked.page, pageSize: result.pageSize, total: result.total });
}

// A CSV file to download, never cached.
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
