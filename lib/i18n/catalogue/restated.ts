// Issue 14's chart marker: a point whose figure was restated after the week was published. Part of the one
// catalogue (lib/i18n/messages.ts). The Chinese word is the tiles' (tile.restated) and the as-reported note's.

export const RESTATED_EN = {
  'chart.restated': 'restated',
  'chart.restatedLegend': 'Restated since published',
} as const;

export const RESTATED_ZH: Record<keyof typeof RESTATED_EN, string> = {
  'chart.restated': '已更正',
  'chart.restatedLegend': '发布后已更正',
};
