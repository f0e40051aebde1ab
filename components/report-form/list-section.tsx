'use client';

// A list section (focus, other, next week's plan): one Markdown-lite line each; add, remove and reorder with
// buttons (keyboard and screen-reader friendly, no drag needed).
import type { Translate } from '@/lib/i18n/messages';
import { inputClass, secondaryButtonClass } from '../ui/field';
import { reportErrorKey } from './adapter';
import { addListItem, moveItem, removeAt, setListItem } from './state';
import type { ListSection, ReportDraft } from './types';

const ITEM_LABEL = { focus: 'rf.focusItem', other: 'rf.otherItem', nextWeek: 'rf.nextWeekItem' } as const;
const smallButton = `${secondaryButtonClass} px-2 py-1 text-sm`;

export function ListSectionEditor(props: {
  section: ListSection;
  draft: ReportDraft;
  update: (fn: (d: ReportDraft) => ReportDraft) => void;
  errors: Record<string, string[]>;
  newKey: () => string;
  t: Translate;
}) {
  const { section, draft, update, errors, t } = props;
  const items = draft[section];
  return (
    <div className="flex flex-col gap-2" data-testid={`rf-${section}`}>
      {items.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t('rf.empty')}</p> : null}
      <ol className="flex flex-col gap-2">
        {items.map((item, i) => {
          const id = `rf-${section}-${i}`;
          const label = t(ITEM_LABEL[section], { n: i + 1 });
          const err = errors[reportErrorKey.listItem(item.clientKey)];
          return (
            <li key={item.clientKey} className="flex flex-col gap-1">
              <label htmlFor={id} className={item.carriedFrom !== undefined ? 'text-sm font-medium' : 'sr-only'}>
                {label}
                {item.carriedFrom !== undefined ? <span className="ml-2 rounded bg-sky-100 px-1 text-xs text-sky-900 dark:bg-sky-900 dark:text-sky-100">{t('rf.carriedFrom')}</span> : null}
              </label>
              <div className="flex flex-wrap items-start gap-2">
                <span aria-hidden="true" className="w-6 pt-2 text-right text-sm text-slate-500">{i + 1}.</span>
                <textarea
                  id={id}
                  rows={1}
                  value={item.text}
                  onChange={(e) => update((d) => setListItem(d, section, i, e.target.value))}
                  aria-invalid={Boolean(err)}
                  aria-describedby={err ? `${id}-error` : undefined}
                  className={`${inputClass} min-w-0 flex-1`}
                />
                <label className="flex items-center gap-1 pt-2 text-xs text-slate-600 dark:text-slate-400">
                  <input
                    type="checkbox"
                    checked={item.internal ?? false}
                    onChange={(e) => {
                      const internal = e.target.checked;
                      update((d) => ({ ...d, [section]: d[section].map((it, j) => (j === i ? { ...it, internal } : it)) }));
                    }}
                    data-testid={`${id}-internal`}
                  />
                  {t('flow.internalItem')}
                  <span className="sr-only"> · {label}</span>
                </label>
                <div className="flex gap-1">
                  <button type="button" className={smallButton} disabled={i === 0} aria-label={`${t('rf.moveUp')} ${label}`} onClick={() => update((d) => ({ ...d, [section]: moveItem(d[section], i, -1) }))}>↑</button>
                  <button type="button" className={smallButton} disabled={i === items.length - 1} aria-label={`${t('rf.moveDown')} ${label}`} onClick={() => update((d) => ({ ...d, [section]: moveItem(d[section], i, 1) }))}>↓</button>
                  <button type="button" className={smallButton} aria-label={`${t('rf.remove')} ${label}`} onClick={() => update((d) => ({ ...d, [section]: removeAt(d[section], i) }))}>✕</button>
                </div>
              </div>
              {err ? <p id={`${id}-error`} role="alert" className="pl-8 text-sm text-bad dark:text-red-400">{err.join(' ')}</p> : null}
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className={smallButton} onClick={() => update((d) => addListItem(d, section, props.newKey()))} data-testid={`rf-${section}-add`}>
          + {t('rf.addItem')}
        </button>
      </div>
    </div>
  );
}
