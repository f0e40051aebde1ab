// A 13-week sparkline drawn on the server as plain SVG: no chart library, no JavaScript. It fills its
// tile's width (the drawing stretches; strokes keep their width).
export function Sparkline({ values, target, label, height = 32, className = '' }: { values: Array<number | null>; target: number | null; label: string; height?: number; className?: string }) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return null;
  const width = 120;
  const all = target === null ? present : [...present, target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const x = (i: number) => (i / (values.length - 1)) * (width - 4) + 2;
  const y = (v: number) => height - 2 - ((v - lo) / span) * (height - 4);
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
    } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg width="100%" height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} className={`block w-full text-sky-700 dark:text-sky-400 ${className}`} data-testid="sparkline">
      {target !== null ? <line x1={0} x2={width} y1={y(target)} y2={y(target)} stroke="currentColor" strokeOpacity={0.35} strokeDasharray="3 3" vectorEffect="non-scaling-stroke" /> : null}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  );
}
