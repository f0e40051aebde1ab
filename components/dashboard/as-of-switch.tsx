import Link from '@/components/ui/link';
import type { Translate } from '@/lib/i18n/messages';
import type { AsOf } from '@/lib/kpi/snapshot';

/** "As reported / current": plain links, so the choice lives in the URL (`?as=reported`) like the range. */
export function AsOfSwitch({ asOf, href, t }: { asOf: AsOf; href: (asOf: AsOf) => string; t: Translate }) {
  return (
    <div className="no-print flex flex-col gap-1">
      <nav aria-label={t('asof.label')} className="flex items-center gap-2 text-sm" data-testid="as-of-switch">
        <span className="text-slate-600 dark:text-slate-400">{t('asof.label')}</span>
        {(['current', 'reported'] as const).map((v) => (
          <Link
            key={v}
            href={href(v)}
            aria-current={asOf === v ? 'page' : undefined}
            className={`rounded-md border px-2 py-1 ${asOf === v ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100'}`}
          >
            {t(`asof.${v}`)}
          </Link>
        ))}
      </nav>
      {asOf === 'reported' ? <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="as-of-note">{t('asof.showingReported')}</p> : null}
    </div>
  );
}
