// Objectives → initiatives of one week: status badge, progress bar, the week's text as Markdown-lite.
import type { Translate } from '@/lib/i18n/messages';
import type { InitiativeView, ObjectiveView } from '@/lib/report/view';
import { RichText } from './rich-text';
import { InitiativeBadge, ProgressBar } from './status-badge';

function Initiative({ it, t }: { it: InitiativeView; t: Translate }) {
  return (
    <li className={`flex flex-col gap-1 break-inside-avoid ${it.depth ? 'ml-5 border-l-2 border-slate-200 pl-3 dark:border-slate-700' : ''}`} data-testid="initiative">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium" data-content="user">{it.title}</span>
        {it.status ? <InitiativeBadge status={it.status} t={t} /> : null}
        {it.progress !== null ? <ProgressBar value={it.progress} label={t('reading.progress', { value: it.progress })} /> : null}
        {it.owner ? <span className="text-xs text-slate-500" data-content="user">{t('reading.owner', { owner: it.owner })}</span> : null}
      </div>
      {it.text ? <RichText text={it.text} className="text-sm text-slate-700 dark:text-slate-300 print:text-slate-900" /> : null}
    </li>
  );
}

export function ReportObjectives({ objectives, t }: { objectives: ObjectiveView[]; t: Translate }) {
  return (
    <div className="flex flex-col gap-4" data-testid="report-objectives">
      {objectives.map((o) => (
        <section key={o.code} aria-label={`${o.code} ${o.title}`} className="flex flex-col gap-2">
          <h3 className="font-semibold">【<span data-content="code">{o.code}</span> <span data-content="user">{o.title}</span>】</h3>
          <ul className="flex flex-col gap-3">
            {o.initiatives.map((it) => <Initiative key={it.id} it={it} t={t} />)}
          </ul>
        </section>
      ))}
    </div>
  );
}
