// A parsed report's prose (WholeReport) mapped onto the model: objectives by code, each item matched to an
// existing initiative by title similarity (or "new"), a progress stated in an item's text as that
// initiative's progress, findings matched the same way with the status their words (or tag) give, and the
// week's sections. Pure: the preview shows the plan, the user may change any match, the import applies it.
import { bestMatch, type TitleMatch } from './match';
import type { FindingStatus, InitiativeStatus } from './model';
import { findingStatusOf, initiativeStatusOf, readTag } from './status-words';
import type { ReportItem, WholeReport } from './types';

export interface ExistingModel {
  objectives: { id: number; code: string; titleZh: string }[];
  /** Initiatives that may be matched (not archived), with their objective. */
  initiatives: { id: number; objectiveId: number; title: string }[];
  /** Findings that may be matched (still open, or noted this week). */
  findings: { id: number; title: string }[];
}

export interface PlannedInitiative {
  /** Stable within one plan: `O1.0`, `O1.0.2` (objective code, then item positions). */
  key: string;
  objectiveCode: string;
  parentKey: string | null;
  title: string;
  text: string;
  status: InitiativeStatus;
  progress: number | null;
  match: TitleMatch | null;
}

export interface PlannedFinding {
  key: string;
  title: string;
  /** The note: the state written after the dash. */
  text: string;
  status: FindingStatus;
  owner: string;
  due: string | null;
  match: TitleMatch | null;
}

export interface ImportPlan {
  objectives: { code: string; title: string; existingId: number | null }[];
  initiatives: PlannedInitiative[];
  findings: PlannedFinding[];
  focus: string[];
  other: string[];
  nextWeek: string[];
  /** '' when the report has none: the stored reflection is then kept. */
  reflection: string;
}

/** The user's changes to the preview's matches: a key → an existing id, or "new". */
export type MatchChoices = Record<string, number | 'new'>;

export function planImport(report: WholeReport, existing: ExistingModel, choices: MatchChoices = {}): ImportPlan {
  const initiatives: PlannedInitiative[] = [];
  const chosen = (findings: boolean) => new Set(Object.entries(choices).filter(([k, c]) => typeof c === 'number' && k.startsWith('F.') === findings).map(([, c]) => c as number));
  const taken = { initiative: chosen(false), finding: chosen(true) };
  const objectives = report.objectives.map((o) => ({ code: o.code, title: o.title, existingId: existing.objectives.find((e) => e.code === o.code)?.id ?? null }));

  const pick = (key: string, title: string, candidates: readonly { id: number; title: string }[]): TitleMatch | null => {
    const used = key.startsWith('F.') ? taken.finding : taken.initiative;
    const chosen = choices[key];
    if (chosen === 'new') return null;
    if (typeof chosen === 'number') {
      const c = candidates.find((x) => x.id === chosen);
      return c ? { id: c.id, title: c.title, score: 1 } : null;
    }
    const m = bestMatch(title, candidates, used);
    if (m) used.add(m.id);
    return m;
  };

  for (const o of report.objectives) {
    const objectiveId = existing.objectives.find((e) => e.code === o.code)?.id;
    // An item may match an initiative of any objective: the objective's wording changes from half-year to half-year.
    const candidates = [...existing.initiatives].sort((a, b) => Number(b.objectiveId === objectiveId) - Number(a.objectiveId === objectiveId));
    const visit = (items: ReportItem[], parentKey: string | null, prefix: string) =>
      items.forEach((item, n) => {
        const key = `${prefix}.${n}`;
        const tag = readTag(item.text);
        initiatives.push({
          key,
          objectiveCode: o.code,
          parentKey,
          title: item.title,
          text: tag.text,
          status: tag.initiative ?? initiativeStatusOf(item.status, item.progress),
          progress: tag.tagged ? tag.progress : (item.progress ?? null),
          match: pick(key, item.title, candidates),
        });
        visit(item.children ?? [], key, key);
      });
    visit(o.items, null, o.code);
  }

  const findings = report.findings.map((f, n): PlannedFinding => {
    const key = `F.${n}`;
    const tag = readTag(f.status ?? '');
    return {
      key,
      title: f.title,
      text: tag.text,
      status: tag.finding ?? findingStatusOf(tag.text),
      owner: f.owner ?? '',
      due: f.due ?? null,
      match: pick(key, f.title, existing.findings),
    };
  });

  return { objectives, initiatives, findings, focus: report.focus, other: report.other, nextWeek: report.nextWeek, reflection: report.reflection };
}
