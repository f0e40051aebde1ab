// A chart card's legend, drawn as HTML next to the chart (never inside recharts, whose legend text takes
// the series colour): text stays in the page's text colour in both themes, and the small multiples of a
// card share one legend. Also names what the chart draws without words: the dashed target, the pale
// warning band, the red dotted verticals of weeks with a graded incident and the ring of a restated figure.
import { BAND_COLOR, INCIDENT_COLOR, RESTATED_COLOR, seriesColor } from './palette';

export interface LegendLabels {
  target: string;
  warningBand: string;
  incident: string;
  /** The ring around a point restated since the week was published. */
  restated?: string;
}

function Item({ swatch, text }: { swatch: React.ReactNode; text: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <svg width="22" height="12" aria-hidden className="shrink-0">
        {swatch}
      </svg>
      <span>{text}</span>
    </li>
  );
}

/** Series (one colour each), then target, warning band, incident marker and restated marker when the chart draws them. */
export function LineLegend({ series, labels, band = true, markers = true, restated = false, testId, large = false }: { series: string[]; labels: LegendLabels; band?: boolean; markers?: boolean; restated?: boolean; testId?: string; large?: boolean }) {
  const targetColor = series.length === 1 ? seriesColor(0) : 'currentColor';
  return (
    <ul className={`flex flex-wrap gap-x-4 gap-y-1 text-slate-700 dark:text-slate-300 ${large ? 'text-sm' : 'text-xs'}`} data-testid={testId}>
      {series.map((label, i) => (
        <Item key={label} text={label} swatch={<line x1="1" x2="21" y1="6" y2="6" stroke={seriesColor(i)} strokeWidth="2.5" />} />
      ))}
      <Item text={labels.target} swatch={<line x1="1" x2="21" y1="6" y2="6" stroke={targetColor} strokeWidth="1.5" strokeDasharray="6 4" />} />
      {band ? <Item text={labels.warningBand} swatch={<rect x="1" y="1" width="20" height="10" fill={BAND_COLOR} />} /> : null}
      {markers ? <Item text={labels.incident} swatch={<line x1="11" x2="11" y1="0" y2="12" stroke={INCIDENT_COLOR} strokeWidth="1.5" strokeDasharray="2 3" />} /> : null}
      {restated && labels.restated ? (
        <li className="flex items-center gap-1.5" data-testid="legend-restated">
          <svg width="22" height="12" aria-hidden className="shrink-0">
            <circle cx="11" cy="6" r="4" fill="currentColor" stroke={RESTATED_COLOR} strokeWidth="2.5" />
          </svg>
          <span>{labels.restated}</span>
        </li>
      ) : null}
    </ul>
  );
}

/** The incident chart's grades, each a filled swatch. */
export function SwatchLegend({ items, testId, large = false }: { items: Array<{ label: string; color: string }>; testId?: string; large?: boolean }) {
  return (
    <ul className={`flex flex-wrap gap-x-4 gap-y-1 text-slate-700 dark:text-slate-300 ${large ? 'text-sm' : 'text-xs'}`} data-testid={testId}>
      {items.map((item) => (
        <Item key={item.label} text={item.label} swatch={<rect x="5" y="1" width="12" height="10" rx="1" fill={item.color} />} />
      ))}
    </ul>
  );
}
