/** Shown while a page's data loads: the shape of the dashboard, so nothing jumps when it arrives. */
export default function Loading() {
  return (
    <div className="flex animate-pulse flex-col gap-4" aria-busy="true">
      <div className="h-8 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-36 rounded-lg bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <div className="h-72 rounded-lg bg-slate-200 dark:bg-slate-800" />
        <div className="h-72 rounded-lg bg-slate-200 dark:bg-slate-800" />
      </div>
    </div>
  );
}
