'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * Wall screens: re-render from the server every few minutes so a new week appears by itself, and say when
 * the screen last refreshed (`renderedAt` is the server's render time, so it moves with every refresh).
 * `text` holds "{time}", replaced by the time on the wall screen's own clock.
 */
export function KioskRefresh({ seconds = 300, renderedAt, text, lang }: { seconds?: number; renderedAt: string; text: string; lang: 'zh' | 'en' }) {
  const router = useRouter();
  const [time, setTime] = useState<string | null>(null);
  useEffect(() => {
    const id = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(id);
  }, [router, seconds]);
  useEffect(() => {
    // Formatted after hydration: the wall screen's clock and locale, never the server's.
    const shown = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(renderedAt));
    const frame = requestAnimationFrame(() => setTime(shown));
    return () => cancelAnimationFrame(frame);
  }, [renderedAt, lang]);
  return (
    <p data-kiosk className="text-base text-slate-600 tabular-nums dark:text-slate-400" data-testid="kiosk-refreshed" data-rendered-at={renderedAt} aria-live="polite">
      {time ? text.replace('{time}', time) : '\u00a0'}
    </p>
  );
}
