// The chat messages' content, independent of the provider: a title, a Markdown body and the link (kept
// apart so every renderer can truncate the body and keep the link whole). Pure; text from the catalogue.
import type { Grade, Language } from '../constants';
import { translator } from '../i18n/messages';
import type { MetricStatus } from '../kpi/status';

export interface DigestKpi {
  label: string;
  value: string;
  target: string | null;
  status: MetricStatus;
}

export interface DigestData {
  lang: Language;
  /** The week as people say it: "2026年第47周 (11/16–11/22)". */
  week: string;
  weekStart: string;
  highlights: string[];
  kpis: DigestKpi[];
  incidents: Record<Grade, number> & { ungraded: number };
  link: string | null;
}

export interface ChatMessage {
  event: 'digest' | 'restated' | 'reminder' | 'test';
  lang: Language;
  title: string;
  /** Markdown, without the link. */
  body: string;
  link: string | null;
  linkText: string;
  /** Structured fields for the generic webhook. */
  data: Record<string, unknown>;
}

export const STATUS_MARKS: Record<MetricStatus, string> = { met: '✅', warning: '⚠️', missed: '❌', none: '➖' };

export function composeDigest(d: DigestData): ChatMessage {
  const t = translator(d.lang);
  const [colon, open, close] = d.lang === 'zh' ? ['：', '（', '）'] : [': ', ' (', ')'];
  const kpiLines = d.kpis.map((k) => `${STATUS_MARKS[k.status]} ${k.label}${colon}${k.value}${open}${k.target === null ? t('digest.noTarget') : t('digest.target', { target: k.target })}${close}`);
  const counts = t('digest.incidentCounts', { a: d.incidents.A, b: d.incidents.B, c: d.incidents.C, d: d.incidents.D });
  const body = [
    `**${t('digest.highlights')}**`,
    ...d.highlights.map((h) => `- ${h}`),
    '',
    `**${t('digest.kpis')}**`,
    ...kpiLines,
    '',
    `**${t('digest.incidents')}**${colon}${counts}${d.incidents.ungraded ? ` · ${t('digest.ungraded', { n: d.incidents.ungraded })}` : ''}`,
  ].join('\n');
  return {
    event: 'digest',
    lang: d.lang,
    title: t('digest.title', { week: d.week }),
    body,
    link: d.link,
    linkText: t('digest.open'),
    data: { week: d.weekStart, highlights: d.highlights, kpis: d.kpis, incidents: d.incidents },
  };
}

export function composeRestated(input: { lang: Language; week: string; weekStart: string; version: number; reasons: string[]; link: string | null }): ChatMessage {
  const t = translator(input.lang);
  const body = [t('digest.restated.body', { week: input.week, version: input.version }), ...input.reasons.map((r) => t('digest.restated.reason', { reason: r }))].join('\n');
  return { event: 'restated', lang: input.lang, title: t('digest.restated.title', { week: input.week }), body, link: input.link, linkText: t('digest.open'), data: { week: input.weekStart, version: input.version, reasons: input.reasons } };
}

export function composeReminder(input: { lang: Language; week: string; weekStart: string; missing: string[]; link: string | null }): ChatMessage {
  const t = translator(input.lang);
  const body = input.missing.length ? [t('digest.reminder.body'), ...input.missing.map((m) => `- ${m}`)].join('\n') : t('digest.reminder.nothingMissing');
  return { event: 'reminder', lang: input.lang, title: t('digest.reminder.title', { week: input.week }), body, link: input.link, linkText: t('digest.reminder.open'), data: { week: input.weekStart, missing: input.missing } };
}

export function composeTest(lang: Language): ChatMessage {
  const t = translator(lang);
  return { event: 'test', lang, title: t('digest.test.title'), body: t('digest.test.body'), link: null, linkText: '', data: {} };
}
