// Chart colours as CSS variables (defined per theme in app/globals.css, where the light values also hold
// for print): a chart never decides its own theme. Hues follow Okabe–Ito, which stays distinguishable for
// common colour-vision deficiencies, darkened or lightened until each passes 3:1 against its card.
export const SERIES_COLORS = [1, 2, 3, 4, 5, 6].map((i) => `var(--chart-${i})`);
export const INCIDENT_COLOR = 'var(--chart-incident)';
/** The ring around a point whose figure was restated after publication (the tiles' marker is amber too). */
export const RESTATED_COLOR = 'var(--chart-restated)';
export const BAND_COLOR = 'var(--chart-band)';
export const GRADE_COLORS = { A: 'var(--grade-a)', B: 'var(--grade-b)', C: 'var(--grade-c)', D: 'var(--grade-d)', ungraded: 'var(--grade-ungraded)' } as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}
