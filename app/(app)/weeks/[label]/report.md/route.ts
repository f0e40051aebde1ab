// The week as the team's Markdown report (issue 13): GET /weeks/<label>/report.md?lang=zh|en[&download=1].
// Viewers get published weeks only, editors drafts too; internal items, updates and notes are left out.
import { weekMarkdown } from '@/db/queries/report-markdown';
import { getWeekNumbering } from '@/db/queries/settings';
import { getWeekRecord } from '@/db/queries/weeks';
import { AuthorizationError, hasRole, requireRole, type Principal } from '@/lib/auth';
import { routeWeek } from '@/lib/params';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };
const text = (body: string, status: number) => new Response(body, { status, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request, { params }: { params: Promise<{ label: string }> }) {
  let principal: Principal;
  try {
    principal = await requireRole('viewer');
  } catch (error) {
    if (error instanceof AuthorizationError) return text('Log in to export.', 401);
    throw error;
  }
  const { label } = await params;
  const weekStart = routeWeek(label, getWeekNumbering());
  const record = weekStart ? getWeekRecord(weekStart) : null;
  if (!weekStart || !record || (record.status !== 'published' && !hasRole(principal.role, 'editor'))) return text('No such week.', 404);
  const query = new URL(request.url).searchParams;
  const lang = query.get('lang') === 'en' ? 'en' : 'zh';
  const markdown = weekMarkdown(weekStart, lang)!;
  return new Response(markdown, {
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/markdown; charset=utf-8',
      ...(query.get('download') ? { 'Content-Disposition': `attachment; filename="weekline-${encodeURIComponent(decodeURIComponent(label))}-${lang}.md"` } : {}),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
