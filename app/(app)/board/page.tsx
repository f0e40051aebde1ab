import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/server';
import { notFound } from 'next/navigation';
import { FindingBadge, InitiativeBadge } from '@/components/report/status-badge';
import { ProgressSpark, StatusStrip } from '@/components/report/status-strip';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { listFindingsBoard, listObjectivesBoard } from '@/db/queries/report';
import { getWeekNumbering } from '@/db/queries/settings';
import { requirePageRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import type { Finding } from '@/lib/report/model';
import { plainText } from '@/lib/report/markdown-lite';
import { routeWeek } from '@/lib/params';
import { currentWeekStart, formatWeek, weekLabel } from '@/lib/weeks';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.board') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Leaders' view: objectives → initiatives over 13 weeks, and findings open / overdue / resolved this week. */
export default async function BoardPage({ searchParams }: Props) {
  await requirePageRole('viewer', '/board');
  const { lang, t } = await getTranslator();
  const numbering = getWeekNumbering();
  const asked = (await searchParams).week;
  const week = typeof asked === 'string' ? routeWeek(asked, numbering) : (getPublishedBounds()?.latest ?? currentWeekStart());
  if (!week) notFound();
  const board = listObjectivesBoard(week, 13);
  const findings = listFindingsBoard(week);
  const overdue = new Set(findings.overdue.map((f) => f.id));
  const label = (w: string) => weekLabel(w, numbering);
  const findingList = (key: 'overdue' | 'open' | 'resolved', items: Finding[]) => (
    <section key={key} aria-labelledby={`f-${key}`} className="flex flex-col gap-1" data-group={key}>
      <h3 id={`f-${key}`} className="text-sm font-semibold">{t(`reading.findings.${key}`)} ({items.length})</h3>
      {items.length === 0 ? <p className="text-sm text-slate-500">{t('board.noFindings')}</p> : (
        <ul className="flex flex-col gap-1 text-sm">
          {items.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2" data-testid="board-finding">
              <span className="font-medium" data-content="user">{f.title}</span>
              <FindingBadge status={f.status} t={t} />
              {f.dueDate ? <span className={key === 'overdue' ? 'text-rose-700 dark:text-rose-400' : 'text-slate-500'}>{t('reading.due', { date: f.dueDate })}</span> : null}
              {f.owner ? <span className="text-slate-500" data-content="user">{t('reading.owner', { owner: f.owner })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('board.title')}</h1>
        <p className="text-sm text-slate-500">{t('board.asOf', { week: formatWeek(week, numbering, lang) })}</p>
      </div>
      <section aria-labelledby="board-objectives" className="flex flex-col gap-4">
        <h2 id="board-objectives" className="text-lg font-semibold">{t('board.objectives')}</h2>
        {board.objectives.length === 0 ? <p className="text-sm text-slate-500">{t('board.empty')}</p> : null}
        {board.objectives.map((o) => (
          <div key={o.id} className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <h3 className="mb-2 font-semibold"><span data-content="code">{o.code}</span> <span data-content="user">{(lang === 'en' && o.titleEn) || o.titleZh}</span></h3>
            <table className="w-full min-w-[640px] table-fixed text-sm">
              <colgroup>
                <col className="w-[28%]" />
                <col className="w-[170px]" />
                <col className="w-[120px]" />
                <col />
              </colgroup>
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="pr-3 font-normal" />
                  <th className="pr-3 font-normal">{t('board.weeks')}</th>
                  <th className="pr-3 font-normal" />
                  <th className="font-normal">{t('board.latest')}</th>
                </tr>
              </thead>
              <tbody>
                {o.initiatives.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="board-initiative" data-title={i.title}>
                    <td className={`py-2 pr-3 font-medium ${i.parentId !== null ? 'pl-4' : ''}`} data-content="user">{i.title}</td>
                    <td className="py-2 pr-3"><StatusStrip statuses={i.statuses} weeks={board.weeks.map(label)} label={`${i.title}: ${t('board.weeks')}`} t={t} /></td>
                    <td className="py-2 pr-3">{i.progress.some((p) => p !== null) ? <ProgressSpark values={i.progress} label={`${i.title}: ${i.progress.filter((p) => p !== null).join(' → ')}%`} /> : null}</td>
                    <td className="py-2">
                      {i.latest ? (
                        <div className="flex flex-col gap-0.5">
                          <span className="flex flex-wrap items-center gap-2 text-xs">
                            <InitiativeBadge status={i.latest.status} t={t} />
                            {i.latest.progress !== null ? <span data-testid="board-progress">{t('reading.progress', { value: i.latest.progress })}</span> : null}
                            <span className="text-slate-500">{label(i.latest.weekStart)}</span>
                          </span>
                          {i.latest.text ? <span className="line-clamp-2 text-slate-700 dark:text-slate-300" data-content="user">{plainText(i.latest.text)}</span> : null}
                        </div>
                      ) : <span className="text-slate-500">{t('board.noUpdate')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <section aria-labelledby="board-findings" className="flex flex-col gap-3" data-testid="board-findings">
        <h2 id="board-findings" className="text-lg font-semibold">{t('board.findings')}</h2>
        {findingList('overdue', findings.overdue)}
        {findingList('open', findings.open.filter((f) => !overdue.has(f.id)))}
        {findingList('resolved', findings.resolvedThisWeek)}
      </section>
    </div>
  );
}
