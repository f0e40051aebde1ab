import { publishApiWeek } from '@/db/queries/api-week';
import { problem, problemResponse } from '@/lib/api/problem';
import { parseIfMatch } from '@/lib/api/request';
import { parsePublishBody } from '@/lib/api/values-body';
import { badLabel } from '../../../_lib/answers';
import { readJsonBody } from '../../../_lib/body';
import { authorize, guarded } from '../../../_lib/guard';
import { weekOfParam } from '../../../_lib/week-param';
import { idempotentWrite } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

/** Publishes the stored week (scope report:publish). */
export async function POST(request: Request, ctx: { params: Promise<{ label: string }> }) {
  return guarded(async () => {
    const principal = authorize(request, 'report:publish');
    if (principal instanceof Response) return principal;
    const weekStart = weekOfParam((await ctx.params).label);
    if (!weekStart) return badLabel();
    const ifMatch = parseIfMatch(request.headers.get('if-match'));
    if (ifMatch === 'invalid') return problemResponse(problem(400, 'bad-if-match', 'If-Match takes the version from an ETag, e.g. "3".'));
    const body = await readJsonBody(request, false);
    if (body instanceof Response) return body;
    const parsed = parsePublishBody(body.json);
    if (!parsed.ok) return problemResponse(problem(422, 'validation', 'Nothing was published: fix the fields listed in errors.', parsed.errors));
    const { reason, confirmMissing } = parsed.data;
    return idempotentWrite(request, principal, body.bytes, (onOutcome) => publishApiWeek({ weekStart, reason, confirmMissing, ifMatch }, principal, undefined, onOutcome));
  });
}
