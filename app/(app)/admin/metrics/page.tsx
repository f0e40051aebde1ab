import type { Metadata } from 'next';
import { MetricRowForm, NewMetricForm } from '@/components/admin/metric-forms';
import { listMetrics } from '@/db/queries/catalogue';
import { requirePageRole } from '@/lib/auth';
import { ADMIN_LABELS } from '@/lib/i18n/admin-labels';
import { getLanguage } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.metrics') };
}

export default async function MetricsAdminPage() {
  await requirePageRole('admin', '/admin/metrics');
  const metrics = listMetrics({ includeArchived: true });
  const l = ADMIN_LABELS[await getLanguage()];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{l.metricsTitle}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{l.metricsHelp}</p>
      <section className="flex flex-col gap-3">
        {metrics.map((m) => (
          <MetricRowForm key={m.key} metric={m} l={l} />
        ))}
      </section>
      <section aria-labelledby="add-metric" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="add-metric" className="mb-3 text-lg font-semibold">{l.addMetric}</h2>
        <NewMetricForm l={l} />
      </section>
    </div>
  );
}
