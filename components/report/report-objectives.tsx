// Objectives → initiatives of one week: status badge, progress bar, the week's text as Markdown-lite.
import type { Translate } from '@/lib/i18n/messages';
import type { InitiativeView, ObjectiveView } from '@/lib/report/view';
import { RichText } from './rich-text';
import { InitiativeBadge, ProgressBar } from './status-badge';

function Initiative({ it, t }: { it: InitiativeView; t: Translate }) {
  return (
    <li className="flex flex-col gap-1 break-inside-avoid" data-testid="initiative">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{it.title}</span>
        {it.status ? <InitiativeBadge status={it.status} t={t} /> : null}
        {it.progress !== null ? <ProgressBar value={it.progress} label={t('reading.progress', { value: it.progress })} /> : null}
        {it.owner ? <span className="text-xs text-slate-500">{t('reading.owner', { owner: it.owner })}</span> : null}
      </div>
      {it.text ? <RichText text={it.text} className="text-sm text-slate-700 dark:text-slate-300 print:text-slate-900" /> : null}
    </li>
  );
}

/** Initiatives in their order, under their group heading when they have one. */
function groups(initiatives: InitiativeView[]): Array<{ group: string | null; items: InitiativeView[] }> {
  const out: Array<{ group: string | null; items: InitiativeView[] }> = [];
  for (const it of initiatives) {
    const last = out[out.length - 1];
    if (last && last.group === it.group) last.items.push(it);
    else out.push({ group: it.group, items: [it] });
  }
  return out;
}

export function ReportObjectives({ objectives, t }: { objectives: ObjectiveView[]; t: Translate }) {
  return (
    <div className="flex flex-col gap-4" data-testid="report-objectives">
      {objectives.map((o) => (
        <section key={o.code} aria-label={`${o.code} ${o.title}`} className="flex flex-col gap-2">
          <h3 className="font-semibold">【{o.code} {o.title}】</h3>
          {groups(o.initiatives).map((g, i) => (
            <div key={`${g.group ?? ''}-${i}`} className="flex flex-col gap-2">
              {g.group ? <h4 className="text-sm font-semibold text-slate-600 dark:text-slate-400 print:text-slate-900">{g.group}</h4> : null}
              <ul className={`flex flex-col gap-3 ${g.group ? 'pl-4' : ''}`}>
                {g.items.map((it) => <Initiative key={it.id} it={it} t={t} />)}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
