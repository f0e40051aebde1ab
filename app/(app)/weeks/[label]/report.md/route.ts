// GET /weeks/<label>/report.md?lang=zh|en[&download=1]: the week as the team's Markdown report.
// Viewers get published weeks, editors drafts too; anything else is a plain 4xx.
import { getWeekMarkdown } from '@/db/queries/week-markdown';
import { getWeekNumbering } from '@/db/queries/settings';
import { AuthorizationError, hasRole, requireRole, type Principal } from '@/lib/auth';
import { routeWeek } from '@/lib/params';
import { weekLabel } from '@/lib/weeks';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export async function GET(request: Request, { params }: { params: Promise<{ label: string }> }) {
  let principal: Principal;
  try {
    principal = await requireRole('viewer');
  } catch (error) {
    if (error instanceof AuthorizationError) return Response.json({ error: 'Log in to read this week.' }, { status: 401, headers: NO_STORE });
    throw error;
  }
  const numbering = getWeekNumbering();
  const weekStart = routeWeek((await params).label, numbering);
  const query = new URL(request.url).searchParams;
  const lang = query.get('lang') ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return Response.json({ error: 'lang is zh or en.' }, { status: 400, headers: NO_STORE });
  const markdown = weekStart ? getWeekMarkdown(weekStart, lang, { publishedOnly: !hasRole(principal.role, 'editor') }) : null;
  if (!weekStart || markdown === null) return Response.json({ error: 'No such week.' }, { status: 404, headers: NO_STORE });
  const name = `weekline-${weekLabel(weekStart, numbering)}-${lang}.md`;
  return new Response(markdown, {
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/markdown; charset=utf-8',
      ...(query.get('download') === '1' ? { 'Content-Disposition': `attachment; filename="${name}"` } : {}),
    },
  });
}
