import type { Metadata } from 'next';
import { ExportForm } from '@/components/import/export-form';
import { ImportForm } from '@/components/import/import-form';
import { getWeekNumbering } from '@/db/queries/settings';
import { requirePageRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.import') };
}

export default async function ImportPage() {
  await requirePageRole('editor', '/import');
  const { lang, t } = await getTranslator();
  const numbering = getWeekNumbering();
  const lastWeek = addWeeks(currentWeekStart(), -1);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="import-heading" className="flex flex-col gap-3">
        <h1 id="import-heading" className="text-2xl font-semibold">{t('import.title')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('import.intro')}</p>
        <ImportForm lang={lang} />
      </section>
      <section aria-labelledby="export-heading" className="flex flex-col gap-3 border-t border-slate-200 pt-6 dark:border-slate-800">
        <h2 id="export-heading" className="text-lg font-semibold">{t('import.export')}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('import.exportHint')}</p>
        <ExportForm t={t} from={weekLabel(addWeeks(lastWeek, -51), numbering)} to={weekLabel(lastWeek, numbering)} />
      </section>
    </div>
  );
}
