import type { PreviewRow, ReportPreview } from '@/db/queries/import-report';
import type { Language } from '@/lib/constants';
import { plainNumber } from '@/lib/csv/format';
import { MISSING, formatDuration, withUnit } from '@/lib/format';
import { localize } from '@/lib/i18n/form-labels';
import { WarningText } from './warning-text';
import type { MessageKey, Translate } from '@/lib/i18n/messages';

type Cell = PreviewRow['stored'];

/** Exactly what is (or will be) stored, unrounded: 99.995 stays 99.995, so the preview hides nothing. */
function shown(value: number | null | undefined, unit: string, lang: Language): string {
  return value === null || value === undefined ? MISSING : withUnit(plainNumber(value), unit, lang);
}

function counts(c: { done?: number | null; total?: number | null } | null, t: Translate): string {
  if (!c || (c.done == null && c.total == null)) return '';
  if (c.done == null) return ` ${t('preview.ofTotal', { total: String(c.total) })}`;
  return ` (${c.done} / ${c.total ?? '?'})`;
}

const OUTCOME: Record<PreviewRow['outcome'], { text: MessageKey; style: string }> = {
  new: { text: 'preview.outcome.new', style: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200' },
  changed: { text: 'preview.outcome.changed', style: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200' },
  unchanged: { text: 'preview.outcome.unchanged', style: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300' },
  kept: { text: 'preview.outcome.kept', style: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300' },
  missing: { text: 'preview.outcome.missing', style: 'text-slate-500' },
};

function storedText(c: Cell, unit: string, lang: Language, t: Translate) {
  return c ? `${shown(c.value, unit, lang)}${counts(c, t)}` : MISSING;
}

export function ReportPreviewView({ preview, lang, t }: { preview: ReportPreview; lang: Language; t: Translate }) {
  const { week, stored, rows } = preview;
  const metricNames = new Map(rows.map((r) => [r.key, lang === 'zh' ? r.labelZh : r.labelEn]));
  const tally = (o: PreviewRow['outcome']) => rows.filter((r) => r.outcome === o).length;
  const inReport = rows.length - tally('kept') - tally('missing');
  return (
    <div className="flex flex-col gap-5" data-testid="import-preview">
      {week ? (
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 className="text-xl font-semibold" data-testid="preview-week" data-week={week.label}>
            {week.label} · {week.start} – {week.end}
          </h2>
          <span className="text-sm text-slate-600 dark:text-slate-400">{t('preview.reportOf', { date: week.reportDate })}</span>
          <span className="rounded bg-slate-200 px-2 py-0.5 text-sm dark:bg-slate-800" data-testid="preview-stored">
            {stored.exists ? t('preview.stored', { status: stored.status === 'published' ? t('status.published') : t('status.draft'), version: stored.version }) : t('preview.newWeek')}
          </span>
        </div>
      ) : (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200" role="alert">
          {t('preview.noWeek')}
        </p>
      )}

      <section aria-labelledby="preview-warnings" className="flex flex-col gap-2">
        <h3 id="preview-warnings" className="text-lg font-semibold">{t('import.warnings')} ({preview.warnings.length})</h3>
        {preview.warnings.length ? (
          <ul className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200" data-testid="preview-warnings">
            {preview.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`} data-code={w.code}>⚠ <WarningText message={w.message} lang={lang} names={metricNames} /></li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-green-800 dark:text-green-300">{t('import.noWarnings')}</p>
        )}
        {Object.keys(preview.fieldErrors).length ? (
          <ul className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-200" role="alert" data-testid="preview-errors">
            {Object.entries(preview.fieldErrors).map(([field, messages]) => (
              <li key={field}>{t('preview.cannotSave', { field, messages: messages.map((m) => localize(m, lang)).join(' ') })}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {week ? (
        <section aria-labelledby="preview-values" className="flex flex-col gap-2">
          <h3 id="preview-values" className="text-lg font-semibold">{t('import.values')}</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="preview-tally">
            {t('preview.tally', { inReport, total: rows.length, new: tally('new'), changed: tally('changed'), same: tally('unchanged') })}
            {tally('kept') ? ` ${t('preview.kept', { count: tally('kept') })}` : ''}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="preview-values">
              <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t('preview.metric')}</th>
                  <th scope="col" className="py-2 pr-3">{t('preview.inReport')}</th>
                  <th scope="col" className="py-2 pr-3">{t('preview.storedNow')}</th>
                  <th scope="col" className="py-2">{t('preview.afterSaving')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-testid={`preview-row-${r.key}`} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-2 pr-3 font-medium">{lang === 'zh' ? r.labelZh : r.labelEn}</th>
                    <td className="py-2 pr-3" data-testid="reported">
                      {r.reported === null ? MISSING : `${shown(r.reported, r.unit, lang)}${counts(r.counts, t)}`}
                      {r.previous !== null ? <span className="block text-xs text-slate-500">{t('preview.previous', { value: shown(r.previous, r.unit, lang) })}</span> : null}
                    </td>
                    <td className="py-2 pr-3" data-testid="stored">{storedText(r.stored, r.unit, lang, t)}</td>
                    <td className="py-2">
                      <span className={`rounded px-1.5 py-0.5 ${OUTCOME[r.outcome].style}`}>{t(OUTCOME[r.outcome].text)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {week ? (
        <section aria-labelledby="preview-events" className="flex flex-col gap-2">
          <h3 id="preview-events" className="text-lg font-semibold">{t('import.events')} ({preview.incidents.length})</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="preview-event-policy">
            {preview.replacesIncidents
              ? t('preview.eventsAdded', { count: preview.incidents.length, stored: stored.incidentCount })
              : t('preview.eventsKept', { count: stored.incidentCount })}
          </p>
          {preview.incidents.length ? (
            <ul className="flex flex-col gap-2" data-testid="preview-incidents">
              {preview.incidents.map((e, i) => (
                <li key={`${e.startedAt}-${i}`} className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
                  <p className="font-medium">
                    {e.startedAt.replace('T', ' ')} · <span data-content="user">{e.title}</span>
                    {e.durationMinutes !== null ? ` · ${formatDuration(e.durationMinutes, lang)}` : ''}
                    {e.grade ? ` · ${t('preview.graded', { grade: e.grade, status: t(e.gradeStatus === 'final' ? 'week.final' : 'week.estimated') })}` : ` · ${t('preview.ungraded')}`}
                  </p>
                  {e.cause ? <p>{t('preview.cause')}<span data-content="user">{e.cause}</span></p> : null}
                  {e.handling ? <p>{t('preview.handling')}<span data-content="user">{e.handling}</span></p> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
