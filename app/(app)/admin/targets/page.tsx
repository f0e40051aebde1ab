import type { Metadata } from 'next';
import { TargetForm } from '@/components/admin/target-form';
import { CATALOGUE_EPOCH, listMetrics } from '@/db/queries/catalogue';
import { getWeekNumbering } from '@/db/queries/settings';
import { listTargets } from '@/db/queries/targets';
import { requirePageRole } from '@/lib/auth';
import { formatMetricValue } from '@/lib/format';
import { ADMIN_LABELS } from '@/lib/i18n/admin-labels';
import { getTranslator } from '@/lib/i18n/server';
import { currentWeekStart, weekLabel } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.targets') };
}

export default async function TargetsPage() {
  await requirePageRole('admin', '/admin/targets');
  const { lang } = await getTranslator();
  const l = ADMIN_LABELS[lang];
  const numbering = getWeekNumbering();
  const metrics = listMetrics();
  const targets = listTargets();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{l.targetsTitle}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{l.targetsHelp}</p>
      <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <TargetForm metrics={metrics.map((m) => ({ key: m.key, label: lang === 'zh' ? m.labelZh : m.labelEn }))} defaultWeek={weekLabel(currentWeekStart(), numbering)} numbering={numbering} l={l} />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="target-history">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-medium">{l.metric}</th>
              <th className="py-2 pr-3 font-medium">{l.fromWeek}</th>
              <th className="py-2 pr-3 font-medium">{l.target}</th>
              <th className="py-2 font-medium">{l.warningShort}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.flatMap((m) =>
              targets
                .filter((t) => t.metricKey === m.key)
                .map((t) => (
                  <tr key={`${t.metricKey}-${t.effectiveFrom}`} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="py-2 pr-3">{lang === 'zh' ? m.labelZh : m.labelEn}</td>
                    <td className="py-2 pr-3 tabular-nums">{t.effectiveFrom === CATALOGUE_EPOCH ? l.always : weekLabel(t.effectiveFrom, numbering)}</td>
                    <td className="py-2 pr-3 tabular-nums">{m.direction === 'higher' ? '≥' : '≤'} {formatMetricValue(t.target, { ...m, truncate: false }, lang)}</td>
                    <td className="py-2 tabular-nums">{t.warning === null ? '—' : formatMetricValue(t.warning, { ...m, truncate: false }, lang)}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
