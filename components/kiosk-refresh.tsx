'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Wall screens: re-render from the server every few minutes so a new week appears by itself. */
export function KioskRefresh({ seconds = 300 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const id = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(id);
  }, [router, seconds]);
  return <div data-kiosk hidden />;
}
