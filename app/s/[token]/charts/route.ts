// A share link's chart series (components/charts/use-charts.ts): the token and the rate limit are checked
// on every request, like the page's; the request is part of a view the page already counted.
import { loadSharedChartsJson, resolveSharedRange } from '@/db/queries/share-links-view';
import { getWeekNumbering } from '@/db/queries/settings';
import { getLanguage } from '@/lib/i18n/server';
import { searchParamsRecord } from '@/lib/params';
import { parseAsOf } from '@/lib/kpi/snapshot';
import { requireShareScope } from '@/lib/share/request';

export const dynamic = 'force-dynamic';

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' };

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const scope = await requireShareScope((await params).token, { countView: false });
  const numbering = getWeekNumbering();
  // The same clamp as the page and the CSV export: never a week outside the link's scope.
  const query = searchParamsRecord(new URL(request.url).searchParams);
  const shared = resolveSharedRange(query, scope, numbering);
  if (!shared) return Response.json({ error: 'No published week.' }, { status: 404, headers: HEADERS });
  const { bounds, range } = shared;
  const body = loadSharedChartsJson({ from: range.from, to: range.to, latestWeek: bounds.latest, lang: await getLanguage(), numbering, scope, asOf: parseAsOf(query.as, scope.asOf) });
  return new Response(body, { headers: HEADERS });
}
