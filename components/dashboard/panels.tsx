import type { Language } from '@/lib/constants';
import { formatMetricValue, formatMinutes } from '@/lib/format';
import type { Translate } from '@/lib/i18n/messages';
import type { DashboardModel } from '@/lib/kpi/dashboard-model';
import { weekLabel, type WeekNumbering } from '@/lib/weeks';

/** A titled chart card; `fill` (the wall screen) makes it take the height its column gives it. */
export function ChartCard({ id, title, children, footer, fill = false }: { id: string; title: string; children: React.ReactNode; footer?: React.ReactNode; fill?: boolean }) {
  return (
    <section aria-labelledby={id} className={`flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${fill ? 'min-h-0 flex-1 p-3' : 'p-4'}`} data-testid={`chart-${id}`}>
      <h2 id={id} className={fill ? 'text-lg font-semibold' : 'text-base font-semibold'}>{title}</h2>
      {children}
      {footer ? <div className="text-sm text-slate-600 dark:text-slate-400">{footer}</div> : null}
    </section>
  );
}

export function BudgetSummary({ budget, lang, t }: { budget: DashboardModel['budget']; lang: Language; t: Translate }) {
  if (!budget) return <p>{t('dash.budget.none')}</p>;
  const pct = (v: number, truncate: boolean) => formatMetricValue(v, { decimals: 3, truncate, unit: '%' }, lang);
  const allowed = formatMinutes(budget.allowedMinutes, lang);
  const share = budget.allowedMinutes > 0 ? Math.max(0, Math.min(1, budget.usedMinutes / budget.allowedMinutes)) : 1;
  return (
    <div className="flex flex-col gap-2" data-testid="error-budget">
      <p className={`text-lg font-semibold ${budget.leftMinutes < 0 ? 'text-red-700 dark:text-red-400' : ''}`}>
        {budget.leftMinutes >= 0 ? t('dash.budget.left', { left: formatMinutes(budget.leftMinutes, lang), allowed }) : t('dash.budget.over', { over: formatMinutes(-budget.leftMinutes, lang), allowed })}
      </p>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} aria-label={t('a11y.budgetUsed')}>
        <div className={`h-full ${share >= 1 ? 'bg-red-600' : share > 0.75 ? 'bg-amber-500' : 'bg-green-600'}`} style={{ width: `${share * 100}%` }} />
      </div>
      <p>{t('dash.budget.used', { used: formatMinutes(budget.usedMinutes, lang), availability: pct(budget.availability, true), target: pct(budget.target, false) })}</p>
    </div>
  );
}

export function ForecastList({ forecasts, lang, t, numbering }: { forecasts: DashboardModel['forecasts']; lang: Language; t: Translate; numbering: WeekNumbering }) {
  return (
    <ul className="flex flex-col gap-1" data-testid="forecasts">
      {forecasts.map((f) => {
        const f2 = f.forecast;
        const pace = (p: number) => t('unit.ppValue', { v: `${p >= 0 ? '+' : ''}${p.toFixed(f.decimals)}` });
        const text =
          f2.status === 'done'
            ? t('dash.forecast.done')
            : f2.status === 'on_track'
              ? t('dash.forecast.onTrack', { date: f2.week, week: weekLabel(f2.week, numbering), pace: pace(f2.pacePerWeek) })
              : f2.status === 'not_on_track'
                ? t('dash.forecast.notOnTrack', { pace: pace(f2.pacePerWeek) })
                : t('dash.forecast.insufficient');
        return (
          <li key={f.key}>
            <span className="font-medium">{f.label}</span>
            {f.latest !== null ? ` ${formatMetricValue(f.latest, { decimals: f.decimals, unit: '%' }, lang)}` : ''} — {text}
          </li>
        );
      })}
    </ul>
  );
}
