'use client';

/** A failed page keeps the header and says what to do; the digest ties it to the server log. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md rounded-lg border border-red-200 bg-red-50 p-6 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <h1 className="text-lg font-semibold">This page could not be shown / 页面无法显示</h1>
      <p className="mt-2 text-sm">Nothing was changed. Try again; if it keeps failing, send the reference below to an admin.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs">ref {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-white hover:bg-red-800">
        Try again / 重试
      </button>
    </div>
  );
}
