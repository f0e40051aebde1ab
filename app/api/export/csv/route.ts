import { z } from 'zod';
import { exportCsv } from '@/db/queries/export';
import { getWeekNumbering } from '@/db/queries/settings';
import { AuthorizationError, hasRole, requireRole, type Principal } from '@/lib/auth';
import { exportQuerySchema } from '@/lib/import/export-query';
import { weekLabel } from '@/lib/weeks';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The wide KPI CSV of a range of weeks: viewers get published weeks only, editors drafts too. */
export async function GET(request: Request) {
  let principal: Principal;
  try {
    principal = await requireRole('viewer');
  } catch (error) {
    if (error instanceof AuthorizationError) return Response.json({ error: 'Log in to export.' }, { status: 401, headers: NO_STORE });
    throw error;
  }
  const numbering = getWeekNumbering();
  const query = new URL(request.url).searchParams;
  const parsed = exportQuerySchema(numbering).safeParse({ from: query.get('from') ?? undefined, to: query.get('to') ?? undefined });
  if (!parsed.success) {
    return Response.json({ error: 'Invalid range.', fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400, headers: NO_STORE });
  }
  const { from, to } = parsed.data;
  const csv = exportCsv({ from, to, publishedOnly: !hasRole(principal.role, 'editor') });
  const name = `weekline-${from ? weekLabel(from, numbering) : 'start'}-${to ? weekLabel(to, numbering) : 'latest'}.csv`;
  return new Response(csv, {
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
