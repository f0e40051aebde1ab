import { exportCsv } from '@/db/queries/export';
import { resolveSharedRange } from '@/db/queries/share-links-view';
import { getWeekNumbering } from '@/db/queries/settings';
import { requireShareScope } from '@/lib/share/request';
import { weekLabel } from '@/lib/weeks';

export const dynamic = 'force-dynamic';

/** The shared range as CSV: published weeks inside the link's scope only, same 404 as the pages. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const scope = await requireShareScope((await params).token);
  const numbering = getWeekNumbering();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const range = resolveSharedRange(query, scope, numbering)?.range ?? null;
  const csv = range ? exportCsv({ from: range.from, to: range.to, publishedOnly: true }) : '';
  const name = range ? `weekline-${weekLabel(range.from, numbering)}-${weekLabel(range.to, numbering)}.csv` : 'weekline.csv';
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}
