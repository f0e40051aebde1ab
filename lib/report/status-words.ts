// How a status reads in the team's Markdown, both ways. The report's own words (已投产, 开发进度 40%, "——已整改")
// give the status where they can; where they cannot say it (on track vs at risk), the export adds a small tag
// at the end of the text, `〔有风险 40%〕`, which the import reads back and strips. Pure.
import type { FindingStatus, InitiativeStatus } from './model';
import { describe } from './sections';
import type { ItemStatus } from './types';

const INITIATIVE_WORDS: Record<InitiativeStatus, string> = { not_started: '未开始', on_track: '正常', at_risk: '有风险', off_track: '滞后', done: '已完成', paused: '暂停' };
const FINDING_WORDS: Record<FindingStatus, string> = { open: '待处理', in_progress: '处理中', resolved: '已解决', accepted_risk: '接受风险' };
const TAG = /\s{0,3}〔([^〔〕\s]{2,4})(?:\s{1,2}(\d{1,3}(?:\.\d{1,2})?)%)?〕\s{0,3}$/;

const byWord = <T extends string>(words: Record<T, string>) => new Map(Object.entries(words).map(([k, v]) => [v as string, k as T]));
const INITIATIVE_BY_WORD = byWord(INITIATIVE_WORDS);
const FINDING_BY_WORD = byWord(FINDING_WORDS);

/** An initiative's status from what the report item states (已投产 → done, in development → on track). */
export function initiativeStatusOf(status: ItemStatus | undefined, progress: number | undefined | null): InitiativeStatus {
  if (status === 'live' || status === 'launched' || status === 'done' || progress === 100) return 'done';
  return 'on_track';
}

/** A finding's status from the state written after its dash. */
export function findingStatusOf(text: string | undefined): FindingStatus {
  const t = (text ?? '').trim();
  if (!t) return 'open';
  if (/接受风险|风险接受/.test(t)) return 'accepted_risk';
  // "已完成采购，本月底部署" is work on it, not the finding resolved.
  if (/已解决|已整改|已关闭|整改完成|已闭环|^已完成$/.test(t)) return 'resolved';
  if (/未开始|待整改|未整改|待处理/.test(t)) return 'open';
  return 'in_progress';
}

/** Text with its trailing tag removed, and what the tag said (initiative or finding words). */
export function readTag(text: string): { text: string; initiative?: InitiativeStatus; finding?: FindingStatus; progress: number | null; tagged: boolean } {
  const m = TAG.exec(text);
  if (!m) return { text, progress: null, tagged: false };
  const initiative = INITIATIVE_BY_WORD.get(m[1]);
  const finding = FINDING_BY_WORD.get(m[1]);
  if (!initiative && !finding) return { text, progress: null, tagged: false };
  const progress = m[2] !== undefined && Number(m[2]) <= 100 ? Number(m[2]) : null;
  return { text: text.slice(0, m.index).trimEnd(), initiative, finding, progress, tagged: true };
}

/** An initiative update's text as exported: tagged only when its own words would read back differently. */
export function initiativeText(title: string, text: string, status: InitiativeStatus, progress: number | null): string {
  const read = describe({ title, text });
  const readStatus = initiativeStatusOf(read.status, read.progress);
  if (readStatus === status && (read.progress ?? null) === progress && !TAG.test(text)) return text;
  const tag = `〔${INITIATIVE_WORDS[status]}${progress === null ? '' : ` ${progress}%`}〕`;
  return text ? `${text} ${tag}` : tag;
}

/** A finding note's text as exported (after the dash): tagged only when its words would read back differently. */
export function findingText(text: string, status: FindingStatus): string {
  if (findingStatusOf(text) === status && !TAG.test(text)) return text;
  const tag = `〔${FINDING_WORDS[status]}〕`;
  return text ? `${text} ${tag}` : tag;
}

export const STATUS_WORDS = { initiative: INITIATIVE_WORDS, finding: FINDING_WORDS } as const;
