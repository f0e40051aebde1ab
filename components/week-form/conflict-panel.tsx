'use client';

// The fields both editors changed, one row each: the metric's name, their value (who, when), mine, and the
// choice. With `onChoose` omitted (the paste import) the rows are read-only.
import type { ConflictDetail } from '@/db/queries/save-week';
import type { Language } from '@/lib/constants';
import { formatMetricValue, withUnit, type ValueFormat } from '@/lib/format';
import { translator } from '@/lib/i18n/messages';
import { teamTimeZone } from '@/lib/time-zone';
import type { Cell, IncidentField, IncidentFields } from '@/lib/kpi/week-merge';
import type { Choice } from './rebase';

export interface ConflictMetric extends Partial<ValueFormat> {
  key: string;
  label: string;
}

export function ConflictPanel(props: {
  conflicts: ConflictDetail[];
  choices?: Record<string, Choice | undefined>;
  onChoose?: (c: ConflictDetail, choice: Choice) => void;
  metrics: ConflictMetric[];
  /** Incident field names, and the grade statuses, in the reader's language. */
  fieldLabels: Record<IncidentField | 'estimated' | 'final', string>;
  lang: Language;
  heading?: string;
  /** The report sections' own wording for a report field (its label and each side), when the form has them. */
  describeReport?: (c: ConflictDetail) => { name: string; theirs: string; mine: string } | null;
  /** The team's time zone (lib/time-zone.ts); in the browser TIME_ZONE is unknown, so the server may pass it. */
  timeZone?: string;
}) {
  const { conflicts, choices = {}, onChoose, metrics, fieldLabels, lang } = props;
  const t = translator(lang);
  const when = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: props.timeZone ?? teamTimeZone() });

  const cellText = (c: Cell | null, m: ConflictMetric | undefined) => {
    if (!c) return t('conflict.empty');
    const value = m?.decimals !== undefined ? formatMetricValue(c.value, { ...m, decimals: m.decimals }, lang) : withUnit(String(c.value), m?.unit, lang);
    return c.done !== null && c.total !== null ? `${value} (${c.done}/${c.total})` : c.total !== null ? `${value} (/${c.total})` : value;
  };
  const fieldText = (e: IncidentFields, f: IncidentField) => {
    const v = e[f];
    if (v === null || v === '') return t('conflict.empty');
    if (f === 'gradeStatus') return fieldLabels[v as 'estimated' | 'final'] ?? String(v);
    return String(v).replace(/^(\d{4}-\d\d-\d\d)T/, '$1 ');
  };
  const eventText = (e: IncidentFields | null, fields: IncidentField[]) =>
    e ? fields.map((f) => `${fieldLabels[f]}: ${fieldText(e, f)}`).join(' · ') : t('conflict.deleted');

  function describe(c: ConflictDetail): { name: string; theirs: string; mine: string } {
    if (c.kind === 'value') {
      const m = metrics.find((x) => x.key === c.key);
      return { name: m?.label ?? c.key, theirs: cellText(c.theirs, m), mine: cellText(c.mine, m) };
    }
    if (c.kind === 'incident') {
      const title = (c.mine ?? c.theirs)?.title ?? '';
      return { name: t('conflict.event', { title }), theirs: eventText(c.theirs, c.fields), mine: eventText(c.mine, c.fields) };
    }
    const empty = (s: string) => (s.trim() === '' ? t('conflict.empty') : s);
    if (c.kind === 'report') {
      const own = props.describeReport?.(c);
      if (own) return own;
      const show = (v: unknown) => (v === null || v === undefined ? t('conflict.deleted') : typeof v === 'string' ? empty(v) : empty(String((v as { text?: unknown }).text ?? (v as { outcome?: unknown }).outcome ?? '')));
      return { name: t('conflict.report'), theirs: show(c.theirs), mine: show(c.mine) };
    }
    return { name: t(c.kind === 'notes' ? 'conflict.notes' : 'conflict.internalNotes'), theirs: empty(c.theirs), mine: empty(c.mine) };
  }

  const open = onChoose ? conflicts.filter((c) => !choices[c.field]).length : 0;
  return (
    <section aria-labelledby="conflict-heading" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900 dark:border-amber-700 dark:bg-amber-950 dark:text-slate-100" data-testid="conflict-panel">
      <h2 id="conflict-heading" className="font-semibold">{props.heading ?? t('conflict.heading', { count: conflicts.length })}</h2>
      <ul className="mt-2 flex flex-col gap-3">
        {conflicts.map((c) => {
          const d = describe(c);
          // The author's name is what they typed into their profile: marked as user text, the rest is ours.
          const [before, after] = t('conflict.by', { who: '\u0000', when: c.at ? when.format(new Date(c.at)) : '' }).replace(/[，,]\s*$/, '').split('\u0000');
          const who = (
            <>
              {before}
              <span data-content="user">{c.by ?? t('conflict.someone')}</span>
              {after}
            </>
          );
          return (
            <li key={c.field} className="grid gap-2 rounded-md border border-amber-200 bg-white p-3 break-words dark:border-amber-800 dark:bg-slate-900" data-testid={`conflict-${c.field}`}>
              <p className="font-medium">{d.name}</p>
              <fieldset className="grid gap-2 sm:grid-cols-2">
                <legend className="sr-only">{d.name}</legend>
                {(['theirs', 'mine'] as const).map((side) => (
                  <label key={side} className={`flex items-start gap-2 rounded-md border p-2 ${choices[c.field] === side ? 'border-sky-600 ring-2 ring-sky-600/30' : 'border-slate-200 dark:border-slate-700'}`}>
                    {onChoose ? (
                      <input type="radio" name={`conflict-${c.field}`} value={side} checked={choices[c.field] === side} onChange={() => onChoose(c, side)} className="mt-1" data-testid={`choose-${side}`} />
                    ) : null}
                    <span className="flex flex-col">
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        {onChoose ? t(side === 'theirs' ? 'conflict.keepTheirs' : 'conflict.useMine') : t(side === 'theirs' ? 'conflict.theirs' : 'conflict.mine')}
                        {side === 'theirs' ? <> · {who}</> : null}
                      </span>
                      <span className="whitespace-pre-wrap" data-testid={`${side}-value`}>{side === 'theirs' ? d.theirs : d.mine}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {onChoose ? (
        <p className="mt-2" role="status" data-testid="conflict-status">
          {open ? t('conflict.pickAll') : t('conflict.allPicked')}
        </p>
      ) : null}
    </section>
  );
}
