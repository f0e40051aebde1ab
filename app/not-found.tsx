import Link from '@/components/ui/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Not found / 未找到</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">This page does not exist, or is not available to you.</p>
      <Link href="/" className="mt-6 inline-block text-sky-700 underline dark:text-sky-400">Weekline</Link>
    </main>
  );
}
