import type { Metadata } from 'next';
import { setLanguageAction } from '@/app/actions';
import { getTranslator } from '@/lib/i18n/server';

// Belt and braces with the X-Robots-Tag and Referrer-Policy headers from next.config.mjs.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'no-referrer' };

/**
 * No app navigation and no way to edit. The only action on these pages is the language switch, which
 * sets a cookie and reads nothing. The layout never looks at the token, so it renders the same for a
 * valid link and for the 404.
 */
export default async function ShareLayout({ children }: { children: React.ReactNode }) {
  const { lang, t } = await getTranslator();
  return (
    <>
      <header className="no-print border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="font-semibold text-sky-800 dark:text-sky-300">Weekline</span>
          <span className="text-sm text-slate-500" data-testid="share-badge">{t('share.readOnly')}</span>
          <form action={setLanguageAction} className="ml-auto text-sm">
            <input type="hidden" name="lang" value={lang === 'zh' ? 'en' : 'zh'} />
            <button type="submit" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
              {t('nav.language')}
            </button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
