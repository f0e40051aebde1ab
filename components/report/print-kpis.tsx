// The print view's KPI lines, each with a small 13-week trend drawn on the server (no chart library).
import { Sparkline } from '@/components/sparkline';
import type { Language } from '@/lib/constants';
import { formatDelta, formatMetricValue } from '@/lib/format';
import type { Translate } from '@/lib/i18n/messages';
import type { Tile } from '@/lib/kpi/tiles';

export function PrintKpis({ tiles, series, incidents, lang, t }: { tiles: Tile[]; series: Record<string, Array<number | null>>; incidents: string; lang: Language; t: Translate }) {
  const zh = lang === 'zh';
  return (
    <table className="w-full border-collapse text-[10pt]" data-testid="print-kpis">
      <tbody>
        {tiles.map((tile) => (
          <tr key={tile.metric.key} className="break-inside-avoid border-b border-slate-200">
            <td className="py-0.5 pr-2">{zh ? tile.metric.labelZh : tile.metric.labelEn}</td>
            <td className="py-0.5 pr-2 text-right font-semibold tabular-nums">{formatMetricValue(tile.value, tile.metric, lang)}</td>
            <td className="py-0.5 pr-2 text-slate-600 tabular-nums">{tile.delta ? formatDelta(tile.delta, tile.metric, lang) : ''}</td>
            <td className="py-0.5 pr-2">{tile.target ? t(`status.${tile.status}`) : ''}</td>
            <td className="py-0.5">
              <Sparkline values={series[tile.metric.key] ?? []} target={tile.target?.target ?? null} label={`${zh ? tile.metric.labelZh : tile.metric.labelEn} · ${t('reading.trends')}`} height={20} className="w-24" />
            </td>
          </tr>
        ))}
        <tr>
          <td colSpan={5} className="py-0.5">{incidents}</td>
        </tr>
      </tbody>
    </table>
  );
}
