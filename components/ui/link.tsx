'use client';

// The app's Link: prefetches on intent (hover or focus), not when it scrolls into view. A dashboard shows
// dozens of links (tiles, ranges, the header); prefetching each as it appeared cost the server more than the
// page itself; even the one link kept eager (the week's details, 2 prefetch requests, ~13 ms of server CPU
// a view) missed the 10 ms budget (docs/BENCHMARKS.md), so every link waits for intent. A caller may still
// pass `prefetch` itself.
import NextLink from 'next/link';
import { useState, type ComponentProps } from 'react';

export default function Link({ prefetch, onMouseEnter, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={prefetch !== undefined ? prefetch : intent ? null : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
    />
  );
}
