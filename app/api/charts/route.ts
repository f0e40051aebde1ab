// The dashboard's chart series for a range (components/charts/use-charts.ts): viewers and up, the same
// query parameters as the overview page. The JSON is shared by every reader of the range and language
// (db/queries/shared-reads.ts); the role is checked on every request.
import { getPublishedBounds } from '@/db/queries/dashboard';
import { loadDashboardChartsJson } from '@/db/queries/dashboard-load';
import { getWeekNumbering } from '@/db/queries/settings';
import { AuthorizationError, requireRole } from '@/lib/auth';
import { getLanguage } from '@/lib/i18n/server';
import { searchParamsRecord } from '@/lib/params';
import { resolveRange } from '@/lib/range';
import { parseAsOf } from '@/lib/kpi/snapshot';

export const dynamic = 'force-dynamic';

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' };

export async function GET(request: Request) {
  try {
    await requireRole('viewer');
  } catch (error) {
    if (error instanceof AuthorizationError) return Response.json({ error: 'Log in to see the charts.' }, { status: 401, headers: HEADERS });
    throw error;
  }
  const bounds = getPublishedBounds();
  if (!bounds) return Response.json({ error: 'No published week yet.' }, { status: 404, headers: HEADERS });
  const numbering = getWeekNumbering();
  const query = searchParamsRecord(new URL(request.url).searchParams);
  const range = resolveRange(query, { numbering, ...bounds });
  const body = loadDashboardChartsJson({ from: range.from, to: range.to, latestWeek: bounds.latest, lang: await getLanguage(), numbering, asOf: parseAsOf(query.as) });
  return new Response(body, { headers: HEADERS });
}
