import type { Translate } from '@/lib/i18n/messages';
import { buttonClass, Field, inputClass } from '../ui/field';

/** A plain GET form: the browser downloads what the route handler sends as an attachment. */
export function ExportForm({ t, from, to }: { t: Translate; from: string; to: string }) {
  return (
    <form method="get" action="/api/export/csv" className="flex flex-wrap items-end gap-3" data-testid="export-form">
      <Field id="export-from" label={t('import.from')}>
        <input id="export-from" name="from" defaultValue={from} placeholder="2023-W01" className={inputClass} />
      </Field>
      <Field id="export-to" label={t('import.to')}>
        <input id="export-to" name="to" defaultValue={to} placeholder="2023-W52" className={inputClass} />
      </Field>
      <button type="submit" className={buttonClass}>
        {t('import.download')}
      </button>
    </form>
  );
}
