import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/login-form';
import { getPrincipal } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { safeReturnPath } from '@/lib/validation/auth';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.login') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getPrincipal()) redirect(next);
  const { t } = await getTranslator();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-sky-700 dark:text-sky-400">Weekline</p>
        <h1 className="text-2xl font-semibold">{t('login.title')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('app.tagline')}</p>
      </div>
      <LoginForm next={next} labels={{ email: t('login.email'), password: t('login.password'), submit: t('login.submit') }} />
    </main>
  );
}
