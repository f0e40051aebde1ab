import Link from '@/components/ui/link';
import { LogoutButton } from './logout-button';
import { setLanguageAction, setThemeAction } from '@/app/actions';
import type { Principal } from '@/lib/auth';
import { hasRole } from '@/lib/auth';
import type { Language } from '@/lib/constants';
import type { Translate } from '@/lib/i18n/messages';

export function AppHeader({ principal, lang, t, theme }: { principal: Principal; lang: Language; t: Translate; theme: 'dark' | 'light' }) {
  const links = [
    { href: '/', label: t('nav.overview'), show: true },
    { href: '/board', label: t('nav.board'), show: true },
    { href: '/entry', label: t('nav.entry'), show: hasRole(principal.role, 'editor') },
    { href: '/import', label: t('nav.import'), show: hasRole(principal.role, 'editor') },
    { href: '/admin/targets', label: t('nav.targets'), show: hasRole(principal.role, 'admin') },
    { href: '/admin/metrics', label: t('nav.metrics'), show: hasRole(principal.role, 'admin') },
    { href: '/admin/users', label: t('nav.users'), show: hasRole(principal.role, 'admin') },
    { href: '/admin/shares', label: t('nav.shares'), show: hasRole(principal.role, 'admin') },
    { href: '/admin/api-keys', label: t('nav.apiKeys'), show: hasRole(principal.role, 'admin') },
    { href: '/admin/channels', label: t('nav.channels'), show: hasRole(principal.role, 'admin') },
  ].filter((l) => l.show);
  return (
    <header className="app-header no-print border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold text-sky-800 dark:text-sky-300">
          Weekline
        </Link>
        <nav aria-label={t('a11y.mainNav')} className="flex flex-wrap gap-4 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-slate-700 hover:text-sky-700 dark:text-slate-300">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <form action={setThemeAction}>
            <input type="hidden" name="theme" value={theme === 'dark' ? 'light' : 'dark'} />
            <button type="submit" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
              {theme === 'dark' ? t('theme.toggleOff') : t('theme.toggle')}
            </button>
          </form>
          <form action={setLanguageAction}>
            <input type="hidden" name="lang" value={lang === 'zh' ? 'en' : 'zh'} />
            <button type="submit" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
              {t('nav.language')}
            </button>
          </form>
          <span className="hidden text-slate-500 sm:inline" data-testid="current-user">
            {principal.email} · {t(`role.${principal.role}`)}
          </span>
          <LogoutButton label={t('nav.logout')} />
        </div>
      </div>
    </header>
  );
}
