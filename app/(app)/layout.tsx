import { AppHeader } from '@/components/app-header';
import { requirePageRole } from '@/lib/auth';
import { getTheme, getTranslator } from '@/lib/i18n/server';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // The layout only decides what the header shows; each page checks its own role too.
  const principal = await requirePageRole('viewer', '/');
  const [{ lang, t }, theme] = await Promise.all([getTranslator(), getTheme()]);
  return (
    <>
      <AppHeader principal={principal} lang={lang} t={t} theme={theme} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
