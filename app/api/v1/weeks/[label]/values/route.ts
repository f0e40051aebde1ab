import { putApiWeekValues } from '@/db/queries/api-week';
import { listMetrics } from '@/db/queries/catalogue';
import { problem, problemResponse } from '@/lib/api/problem';
import { parseIfMatch } from '@/lib/api/request';
import { parseValuesBody } from '@/lib/api/values-body';
import { badLabel } from '../../../_lib/answers';
import { readJsonBody } from '../../../_lib/body';
import { authorize, guarded } from '../../../_lib/guard';
import { weekOfParam } from '../../../_lib/week-param';
import { idempotentWrite } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

/** Overlays the given metrics on the stored week (scope kpi:write), through the one audited save path. */
export async function PUT(request: Request, ctx: { params: Promise<{ label: string }> }) {
  return guarded(async () => {
    const principal = authorize(request, 'kpi:write');
    if (principal instanceof Response) return principal;
    const weekStart = weekOfParam((await ctx.params).label);
    if (!weekStart) return badLabel();
    const ifMatch = parseIfMatch(request.headers.get('if-match'));
    if (ifMatch === 'invalid') return problemResponse(problem(400, 'bad-if-match', 'If-Match takes the version from an ETag, e.g. "3".'));
    const body = await readJsonBody(request, true);
    if (body instanceof Response) return body;
    const parsed = parseValuesBody(body.json, listMetrics());
    if (!parsed.ok) return problemResponse(problem(422, 'validation', 'Nothing was saved: fix the fields listed in errors.', parsed.errors));
    const { values, reason } = parsed.data;
    return idempotentWrite(request, principal, body.bytes, (onOutcome) => putApiWeekValues({ weekStart, values, reason, ifMatch }, principal, undefined, onOutcome));
  });
}
