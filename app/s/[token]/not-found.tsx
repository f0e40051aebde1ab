import { getTranslator } from '@/lib/i18n/server';

/** One page for every refusal: malformed, unknown, revoked, expired, rate-limited or out of scope. */
export default async function ShareNotFound() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-2 py-16 text-center" data-testid="share-not-found">
      <h1 className="text-2xl font-semibold">{t('share.notFound.title')}</h1>
      <p className="text-slate-600 dark:text-slate-400">{t('share.notFound.body')}</p>
    </div>
  );
}
