import { readApiWeek } from '@/db/queries/api-week';
import { getWeekNumbering } from '@/db/queries/settings';
import { versionEtag } from '@/lib/api/request';
import { badLabel, weekBody, weekNotFound } from '../../_lib/answers';
import { authorize, guarded } from '../../_lib/guard';
import { weekOfParam } from '../../_lib/week-param';

export const dynamic = 'force-dynamic';

/** The week's values (scope kpi:read). Drafts only for keys that may publish; to the others a draft is a 404. */
export async function GET(request: Request, ctx: { params: Promise<{ label: string }> }) {
  return guarded(async () => {
    const principal = authorize(request, 'kpi:read');
    if (principal instanceof Response) return principal;
    const weekStart = weekOfParam((await ctx.params).label);
    if (!weekStart) return badLabel();
    const week = readApiWeek(weekStart, principal.scopes.includes('report:publish'));
    if (!week) return weekNotFound();
    return Response.json(weekBody(week, getWeekNumbering()), { headers: { ETag: versionEtag(week.version), 'Cache-Control': 'no-store' } });
  });
}
