// The one place that knows both shapes: the stored report (lib/report/model.ts WeekReport, or its prefill)
// → the form's draft; the draft → the `report` part of the week's submit; the server's error keys and the
// merge's field names → the form's fields and readable labels. Pure.
import type { Translate } from '@/lib/i18n/messages';
import type { ListSection, ReportDraft, TextItemDraft } from './types';

type StoredItem = { id: number; text: string; internal: boolean; carriedFrom: number | null };
type StoredUpdate = { status: ReportDraft['initiatives'][number]['status'] & string; progress: number | null; text: string; internal: boolean };
/** The part of `WeekReport` the form reads (structural, so the form does not import the database layer). */
export interface StoredReport {
  focus: StoredItem[];
  other: StoredItem[];
  nextWeek: StoredItem[];
  reflection: string;
  planChecks: { itemId: number; text: string; outcome: 'done' | 'partly' | 'not_done' | null; reason: string }[];
  objectives: {
    id: number;
    code: string;
    titleZh: string;
    titleEn: string;
    initiatives: { id: number; objectiveId: number; parentId: number | null; title: string; owner: string; archived: boolean; update: StoredUpdate | null }[];
  }[];
  findings: { id: number; title: string; source: string; owner: string; status: ReportDraft['findings'][number]['status']; dueDate: string | null; note: { status: ReportDraft['findings'][number]['status']; text: string; internal: boolean } | null }[];
}

const itemToDraft = (i: StoredItem): TextItemDraft => ({
  clientKey: `id-${i.id}`,
  id: i.id,
  text: i.text,
  ...(i.carriedFrom === null ? {} : { carriedFrom: i.carriedFrom }),
  ...(i.internal ? { internal: true } : {}),
});

/** The stored week, or the prefill (last week's initiatives and open findings: status and progress carried, text empty). */
export function reportToDraft(r: StoredReport, lang: 'zh' | 'en'): ReportDraft {
  return {
    focus: r.focus.map(itemToDraft),
    other: r.other.map(itemToDraft),
    nextWeek: r.nextWeek.map(itemToDraft),
    reflection: r.reflection,
    planChecks: r.planChecks.map((c) => ({ itemId: c.itemId, text: c.text, outcome: c.outcome ?? '', reason: c.reason })),
    objectives: r.objectives.map((o) => ({ id: o.id, code: o.code, title: (lang === 'zh' ? o.titleZh : o.titleEn) || o.titleZh || o.titleEn })),
    initiatives: r.objectives.flatMap((o) =>
      o.initiatives
        .filter((i) => !i.archived)
        .map((i) => ({
          id: i.id,
          objectiveId: o.id,
          parentId: i.parentId,
          title: i.title,
          owner: i.owner,
          status: i.update?.status ?? '',
          progress: i.update?.progress === null || i.update?.progress === undefined ? '' : String(i.update.progress),
          text: i.update?.text ?? '',
          ...(i.update?.internal ? { internal: true } : {}),
        })),
    ),
    findings: r.findings.map((f) => ({
      id: f.id,
      title: f.title,
      source: f.source,
      owner: f.owner,
      status: f.note?.status ?? f.status,
      due: f.dueDate ?? '',
      note: f.note?.text ?? '',
      ...(f.note?.internal ? { internal: true } : {}),
    })),
  };
}

const listPayload = (items: TextItemDraft[]) =>
  items.map((i) => ({ ...(i.id === undefined ? {} : { id: i.id }), text: i.text, internal: i.internal ?? false, ...(i.carriedFrom === undefined ? {} : { carriedFrom: i.carriedFrom }) }));

/** The `report` part of the week's submit, as typed (the server validates and converts every field). */
export function draftToPayload(d: ReportDraft) {
  return {
    focus: listPayload(d.focus),
    other: listPayload(d.other),
    nextWeek: listPayload(d.nextWeek),
    reflection: d.reflection,
    initiatives: d.initiatives.map((i) => ({ initiativeId: i.id, status: i.status, progress: i.progress, text: i.text, internal: i.internal ?? false })),
    findings: d.findings.map((f) => ({ findingId: f.id, status: f.status, due: f.due, text: f.note, internal: f.internal ?? false })),
    planChecks: d.planChecks.map((c) => ({ itemId: c.itemId, outcome: c.outcome, reason: c.reason })),
  };
}

const SECTION_KEY: Record<ListSection, string> = { focus: 'focus', other: 'other', nextWeek: 'nextWeek' };

/** The server's field-error keys for the report part (zod paths joined by dots). */
export const reportErrorKey = {
  listText: (section: ListSection, i: number) => `report.${SECTION_KEY[section]}.${i}.text`,
  initiative: (i: number, f: 'status' | 'progress' | 'text') => `report.initiatives.${i}.${f}`,
  finding: (i: number, f: 'status' | 'due' | 'note') => `report.findings.${i}.${f === 'note' ? 'text' : f}`,
  planOutcome: (i: number) => `report.planChecks.${i}.outcome`,
  planReason: (i: number) => `report.planChecks.${i}.reason`,
  reflection: 'report.reflection',
} as const;

const LIST_LABEL = { focus: 'rf.focusItem', other: 'rf.otherItem', nextWeek: 'rf.nextWeekItem' } as const;

/** A readable name for a report field of the merge ("重点工作 2", an initiative's title…), or null when unknown. */
export function reportConflictLabel(field: string, d: ReportDraft, t: Translate): string | null {
  const [head, kind, rawId] = field.split('.');
  if (head !== 'report') return null;
  const id = Number(rawId);
  if (kind === 'reflection') return t('rf.reflection');
  if (kind === 'focus' || kind === 'other' || kind === 'nextWeek') {
    const at = d[kind].findIndex((i) => i.id === id);
    return t(LIST_LABEL[kind], { n: at >= 0 ? at + 1 : '?' });
  }
  if (kind === 'initiatives') return t('rf.conflict.initiative', { title: d.initiatives.find((i) => i.id === id)?.title ?? rawId });
  if (kind === 'findings') return t('rf.conflict.finding', { title: d.findings.find((f) => f.id === id)?.title ?? rawId });
  if (kind === 'planChecks') return t('rf.conflict.plan', { text: d.planChecks.find((c) => c.itemId === id)?.text ?? rawId });
  return null;
}
