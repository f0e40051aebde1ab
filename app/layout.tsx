import type { Metadata, Viewport } from 'next';
import { getLanguage, getTheme } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Weekline', template: '%s · Weekline' },
  description: 'Weekly payment-operations KPI dashboard',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [lang, theme] = await Promise.all([getLanguage(), getTheme()]);
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'} className={theme === 'dark' ? 'dark' : undefined}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
