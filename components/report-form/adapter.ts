// The one place that knows both shapes: the stored report (lib/report/model.ts WeekReport, or its prefill)
// → the form's draft; the draft → the `report` part of the week's submit; the server's error keys and the
// merge's field names → the form's fields and readable labels. Pure.
import type { MessageKey, Translate } from '@/lib/i18n/messages';
import type { WeekFinding, WeekInitiative, WeekItem, WeekObjective, WeekReport, WeekItemSection } from '@/lib/report/model';
import type { InitiativeDraft, ListSection, ReportDraft, TextItemDraft } from './types';

type StoredItem = Pick<WeekItem, 'id' | 'text' | 'internal' | 'carriedFrom'>;
/** The part of `WeekReport` (lib/report/model.ts) the form reads. */
export interface StoredReport extends Pick<WeekReport, 'reflection' | 'planChecks'> {
  focus: StoredItem[];
  other: StoredItem[];
  nextWeek: StoredItem[];
  objectives: (Pick<WeekObjective, 'id' | 'code' | 'titleZh' | 'titleEn'> & {
    initiatives: Pick<WeekInitiative, 'id' | 'objectiveId' | 'parentId' | 'title' | 'owner' | 'archived' | 'update' | 'carried'>[];
  })[];
  findings: Pick<WeekFinding, 'id' | 'title' | 'source' | 'owner' | 'status' | 'dueDate' | 'note' | 'carried'>[];
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
          ...(i.carried ? { carried: true } : {}),
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
      ...(f.carried ? { carried: true } : {}),
    })),
  };
}

const SECTIONS: readonly [ListSection, WeekItemSection][] = [
  ['focus', 'focus'],
  ['other', 'other'],
  ['nextWeek', 'next_week'],
];

/** An initiative the editor has not given a status, progress or text this week is left out (untouched). */
const hasUpdate = (i: InitiativeDraft) => i.status !== '' || i.progress.trim() !== '' || i.text.trim() !== '';
/**
 * What is sent. Prefilled-and-untouched updates and notes (`carried`) are sent only when publishing: the
 * published week records each initiative's and finding's standing; a draft save writes only what was said.
 */
const sentUpdates = (d: ReportDraft, publish: boolean) => d.initiatives.filter((i) => hasUpdate(i) && (publish || !i.carried));
const sentNotes = (d: ReportDraft, publish: boolean) => d.findings.filter((f) => publish || !f.carried);
/** A plan item not checked and without a reason is left out (untouched). */
const sentCheck = (c: ReportDraft['planChecks'][number]) => c.outcome !== '' || c.reason.trim() !== '';

/** The `report` part of the week's submit (lib/validation/report-entry.ts), as typed: the server validates it. */
export function draftToPayload(d: ReportDraft, publish = false) {
  return {
    reflection: d.reflection,
    items: SECTIONS.flatMap(([key, section]) =>
      d[key].map((i) => ({ ...(i.id === undefined ? {} : { id: i.id }), section, text: i.text, internal: i.internal ?? false, carriedFrom: i.carriedFrom ?? null })),
    ),
    updates: sentUpdates(d, publish).map((i) => ({ initiativeId: i.id, status: i.status, progress: i.progress, text: i.text, internal: i.internal ?? false })),
    findingNotes: sentNotes(d, publish).map((f) => ({ findingId: f.id, status: f.status, text: f.note, internal: f.internal ?? false })),
    planChecks: d.planChecks.filter(sentCheck).map((c) => ({ itemId: c.itemId, outcome: c.outcome === '' ? null : c.outcome, reason: c.reason })),
  };
}

/** The form's own error keys: by identity (client key, initiative, finding, plan item), so later edits never shift them. */
export const reportErrorKey = {
  listItem: (clientKey: string) => `rf.item.${clientKey}`,
  initiative: (id: number, f: 'status' | 'progress' | 'text') => `rf.initiative.${id}.${f}`,
  finding: (id: number, f: 'status' | 'text') => `rf.finding.${id}.${f}`,
  plan: (itemId: number, f: 'outcome' | 'reason') => `rf.plan.${itemId}.${f}`,
  reflection: 'rf.reflection',
} as const;

/**
 * The server's errors for the report part (zod paths such as `report.items.3.text`) renamed onto the fields of
 * the draft that was sent; errors without a field of their own (a list over its limit) keep their key.
 */
export function reportErrorsOf(sent: ReportDraft, fieldErrors: Record<string, string[]>, publish = false): Record<string, string[]> {
  const items = SECTIONS.flatMap(([key]) => sent[key]);
  const updates = sentUpdates(sent, publish);
  const notes = sentNotes(sent, publish);
  const checks = sent.planChecks.filter(sentCheck);
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const [head, part, rawIndex, field] = key.split('.');
    if (head !== 'report') continue;
    const i = Number(rawIndex);
    const name =
      part === 'reflection' ? reportErrorKey.reflection
      : part === 'items' && items[i] ? reportErrorKey.listItem(items[i].clientKey)
      : part === 'updates' && updates[i] && (field === 'status' || field === 'progress' || field === 'text') ? reportErrorKey.initiative(updates[i].id, field)
      : part === 'findingNotes' && notes[i] && (field === 'status' || field === 'text') ? reportErrorKey.finding(notes[i].id, field)
      : part === 'planChecks' && checks[i] && (field === 'outcome' || field === 'reason') ? reportErrorKey.plan(checks[i].itemId, field)
      : key;
    (out[name] ??= []).push(...messages);
  }
  return out;
}

const LIST_LABEL = { focus: 'rf.focusItem', other: 'rf.otherItem', nextWeek: 'rf.nextWeekItem' } as const;

/** A readable name for a report field of the merge (lib/report/report-merge.ts names them) ("重点工作 2", an initiative's title…), or null when unknown. */
export function reportConflictLabel(field: string, d: ReportDraft, t: Translate): string | null {
  const [head, kind, rawId] = field.split('.');
  if (head !== 'report') return null;
  const id = Number(rawId);
  if (kind === 'reflection') return t('rf.reflection');
  if (kind === 'items') {
    for (const [list] of SECTIONS) {
      const at = d[list].findIndex((i) => i.id === id);
      if (at >= 0) return t(LIST_LABEL[list], { n: at + 1 });
    }
    return null;
  }
  if (kind === 'updates') return t('rf.conflict.initiative', { title: d.initiatives.find((i) => i.id === id)?.title ?? rawId });
  if (kind === 'findingNotes') return t('rf.conflict.finding', { title: d.findings.find((f) => f.id === id)?.title ?? rawId });
  if (kind === 'planChecks') return t('rf.conflict.plan', { text: d.planChecks.find((c) => c.itemId === id)?.text ?? rawId });
  return null;
}

/** A report conflict in the panel: the field's label and each side in words ("On track · 40% · 已投产"). */
export function describeReportConflict(c: { field: string; theirs: unknown; mine: unknown }, d: ReportDraft, t: Translate): { name: string; theirs: string; mine: string } | null {
  const name = reportConflictLabel(c.field, d, t);
  if (name === null) return null;
  const part = c.field.split('.')[1];
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return t('conflict.deleted');
    if (typeof v === 'string') return v.trim() === '' ? t('conflict.empty') : v;
    const o = v as { status?: string; progress?: number | null; text?: string; outcome?: string; reason?: string };
    const bits =
      part === 'updates' ? [o.status ? t(`rf.istatus.${o.status}` as MessageKey) : '', o.progress === null || o.progress === undefined ? '' : `${o.progress}%`, o.text ?? '']
      : part === 'findingNotes' ? [o.status ? t(`rf.fstatus.${o.status}` as MessageKey) : '', o.text ?? '']
      : part === 'planChecks' ? [o.outcome ? t(`rf.outcome.${o.outcome}` as MessageKey) : '', o.reason ?? '']
      : [o.text ?? ''];
    const text = bits.filter((b) => b !== '').join(' · ');
    return text === '' ? t('conflict.empty') : text;
  };
  return { name, theirs: show(c.theirs), mine: show(c.mine) };
}
