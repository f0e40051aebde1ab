'use client';
// The preview's whole-report part (issue 13): the sections the report brings, each objective's items with
// the initiative each will be saved as (a match by title, or new — changeable before saving) and the
// findings with their state.
import type { ReportPreview } from '@/db/queries/import-report';
import type { Translate } from '@/lib/i18n/messages';
import type { MatchChoices, PlannedFinding, PlannedInitiative } from '@/lib/report/to-model';

type Whole = NonNullable<ReportPreview['report']>;

const box = 'rounded-md border border-slate-200 p-3 dark:border-slate-800';
const select = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

function List({ title, items, t, testId }: { title: string; items: string[]; t: Translate; testId: string }) {
  return (
    <section className={box} data-testid={testId}>
      <h4 className="font-medium">{title}</h4>
      {items.length ? (
        <ol className="mt-1 list-decimal pl-5 text-sm">
          {items.map((s, i) => (
            <li key={i} className="break-words" data-content="user">{s}</li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">{t('import.whole.none')}</p>
      )}
    </section>
  );
}

function MatchSelect(props: { id: string; value: number | 'new'; options: { id: number; title: string }[]; newLabel: string; t: Translate; onChange: (v: number | 'new') => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">{props.t('import.whole.matchLabel')}</span>
      <select id={props.id} className={select} value={String(props.value)} onChange={(e) => props.onChange(e.target.value === 'new' ? 'new' : Number(e.target.value))} data-testid={`match-${props.id}`}>
        <option value="new">{props.newLabel}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id} data-content="user">{o.title}</option>
        ))}
      </select>
    </label>
  );
}

const chosen = (row: PlannedInitiative | PlannedFinding, choices: MatchChoices): number | 'new' => choices[row.key] ?? row.match?.id ?? 'new';

export function WholeReportPreview({ whole, choices, onChoose, t }: { whole: Whole; choices: MatchChoices; onChoose: (key: string, value: number | 'new') => void; t: Translate }) {
  const { plan, candidates } = whole;
  const depth = (row: PlannedInitiative) => row.key.split('.').length - 2;
  return (
    <section className="flex flex-col gap-3" data-testid="import-whole-report" aria-labelledby="whole-heading">
      <h3 id="whole-heading" className="text-lg font-semibold">{t('import.whole.heading')}</h3>
      <List title={t('import.whole.focus')} items={plan.focus} t={t} testId="import-focus" />
      <section className={box} data-testid="import-objectives">
        <h4 className="font-medium">{t('import.whole.objectives')}</h4>
        {plan.objectives.map((o) => (
          <div key={o.code} className="mt-2">
            <p className="font-medium"><span data-content="code">{o.code}</span> <span data-content="user">{o.title}</span></p>
            <ul className="mt-1 flex flex-col gap-2">
              {plan.initiatives.filter((i) => i.objectiveCode === o.code).map((i) => (
                <li key={i.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" style={{ paddingLeft: `${depth(i) * 1.25}rem` }} data-testid={`import-initiative-${i.key}`} data-match={i.match ? 'matched' : 'new'}>
                  <span className="font-medium break-words" data-content="user">{i.title}</span>
                  <span className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">{t(`import.whole.status.${i.status}`)}</span>
                  {i.progress !== null ? <span className="text-xs">{t('import.whole.progress', { n: i.progress })}</span> : null}
                  {i.match ? <span className="text-xs text-slate-500" data-content="user">{t('import.whole.matched', { title: i.match.title })}</span> : null}
                  <MatchSelect id={i.key} value={chosen(i, choices)} options={candidates.initiatives} newLabel={t('import.whole.new')} t={t} onChange={(v) => onChoose(i.key, v)} />
                  {i.text ? <span className="basis-full break-words text-slate-600 dark:text-slate-400" data-content="user">{i.text}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section className={box} data-testid="import-findings">
        <h4 className="font-medium">{t('import.whole.findings')}</h4>
        {plan.findings.length ? (
          <ul className="mt-1 flex flex-col gap-2">
            {plan.findings.map((f) => (
              <li key={f.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid={`import-finding-${f.key}`}>
                <span className="font-medium break-words" data-content="user">{f.title}</span>
                <span className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">{t(`import.whole.finding.${f.status}`)}</span>
                {f.text ? <span className="break-words text-slate-600 dark:text-slate-400" data-content="user">{f.text}</span> : null}
                <MatchSelect id={f.key} value={chosen(f, choices)} options={candidates.findings} newLabel={t('import.whole.newFinding')} t={t} onChange={(v) => onChoose(f.key, v)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('import.whole.none')}</p>
        )}
      </section>
      <List title={t('import.whole.other')} items={plan.other} t={t} testId="import-other" />
      <section className={box} data-testid="import-reflection">
        <h4 className="font-medium">{t('import.whole.reflection')}</h4>
        <p className="text-sm whitespace-pre-wrap break-words">{plan.reflection || t('import.whole.none')}</p>
      </section>
      <List title={t('import.whole.nextWeek')} items={plan.nextWeek} t={t} testId="import-next-week" />
    </section>
  );
}
