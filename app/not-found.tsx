import Link from '@/components/ui/link';
import { getTranslator } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">{t('notFound.title')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t('notFound.body')}</p>
      <Link href="/" className="mt-6 inline-block text-sky-700 underline dark:text-sky-400">Weekline</Link>
    </main>
  );
}
