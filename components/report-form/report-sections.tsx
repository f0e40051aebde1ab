'use client';

// The report part of the weekly form, in the team's order: focus, objectives → initiatives, findings, other,
// reflection, last week's plan checked off, next week's plan. The draft lives in the week form; it rides in
// the same submit as the KPI values.
import type { ReactNode } from 'react';
import type { Translate } from '@/lib/i18n/messages';
import { inputClass } from '../ui/field';
import { reportErrorKey } from './adapter';
import { FindingsSection } from './findings-section';
import { InitiativesSection } from './initiatives-section';
import { ListSectionEditor } from './list-section';
import { MarkdownPreview } from './markdown-preview';
import { PlanCheckSection } from './plan-check-section';
import type { ReportDraft, ReportLifecycle } from './types';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3" data-testid={id}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function ReportSections(props: {
  draft: ReportDraft;
  update: (fn: (d: ReportDraft) => ReportDraft) => void;
  errors: Record<string, string[]>;
  /** Absent: no add / rename / archive (the actions are not available to this form). */
  lifecycle?: ReportLifecycle;
  newKey: () => string;
  weekStart: string;
  t: Translate;
}) {
  const { draft, update, errors, t } = props;
  const list = { draft, update, errors, newKey: props.newKey, t };
  const reflectionErr = errors[reportErrorKey.reflection];
  return (
    <>
      <Section id="rf-focus-section" title={t('rf.focus')}>
        <ListSectionEditor section="focus" {...list} />
      </Section>
      <Section id="rf-objectives-section" title={t('rf.objectives')}>
        <InitiativesSection draft={draft} update={update} errors={errors} lifecycle={props.lifecycle} t={t} />
      </Section>
      <Section id="rf-findings-section" title={t('rf.findings')}>
        <FindingsSection draft={draft} update={update} errors={errors} lifecycle={props.lifecycle} weekStart={props.weekStart} t={t} />
      </Section>
      <Section id="rf-other-section" title={t('rf.other')}>
        <ListSectionEditor section="other" {...list} />
      </Section>
      <Section id="rf-reflection-section" title={t('rf.reflection')}>
        <label htmlFor="rf-reflection" className="sr-only">{t('rf.reflection')}</label>
        <textarea id="rf-reflection" rows={3} value={draft.reflection} onChange={(e) => update((d) => ({ ...d, reflection: e.target.value }))} aria-invalid={Boolean(reflectionErr)} aria-describedby={reflectionErr ? 'rf-reflection-error' : 'rf-reflection-hint'} className={inputClass} />
        <p id="rf-reflection-hint" className="text-xs text-slate-500 dark:text-slate-400">{t('rf.markdownHint')}</p>
        {reflectionErr ? <p id="rf-reflection-error" role="alert" className="text-sm text-bad dark:text-red-400">{reflectionErr.join(' ')}</p> : null}
        <MarkdownPreview source={draft.reflection} />
      </Section>
      <Section id="rf-planned-section" title={t('rf.planned')}>
        <PlanCheckSection {...list} />
      </Section>
      <Section id="rf-next-section" title={t('rf.nextWeek')}>
        <ListSectionEditor section="nextWeek" {...list} />
      </Section>
    </>
  );
}
