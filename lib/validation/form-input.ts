// A form's fields as its zod schema reads them, one reader per form, used by both sides of the one form
// pattern (issue 16): the browser checks the submit with the schema before sending (every error at once,
// then as the user types), and the server action parses the very same input again and stays the authority.
// Text fields are strings ('' when absent), checkboxes are booleans, multi-selects are arrays.

const str = (form: FormData, name: string) => String(form.get(name) ?? '');
const strings = <K extends string>(form: FormData, names: readonly K[]) => Object.fromEntries(names.map((n) => [n, str(form, n)])) as Record<K, string>;
const checked = (form: FormData, name: string) => form.get(name) === 'on';

const METRIC_FIELDS = ['key', 'labelZh', 'labelEn', 'unit', 'decimals', 'direction', 'kind', 'sortOrder', 'version'] as const;

/** A metric form's text fields: also what a refused save echoes back. */
export const metricTextInput = (form: FormData) => strings(form, METRIC_FIELDS);
export const metricFormInput = (form: FormData) => ({ ...metricTextInput(form), required: checked(form, 'required') });
export const metricUpdateFormInput = (form: FormData) => ({ ...metricFormInput(form), archived: checked(form, 'archived') });
export const targetFormInput = (form: FormData) => strings(form, ['metricKey', 'effectiveFrom', 'target', 'warning']);
export const newUserFormInput = (form: FormData) => ({ ...strings(form, ['email', 'name', 'role']), password: str(form, 'password') });
export const roleFormInput = (form: FormData) => strings(form, ['userId', 'role']);
export const shareFormInput = (form: FormData) => ({ ...strings(form, ['label', 'expiresIn', 'fromWeek', 'toWeek']), asOf: String(form.get('asOf') ?? 'current') });
export const apiKeyFormInput = (form: FormData) => ({ ...strings(form, ['label', 'expiresIn']), scopes: form.getAll('scopes').map(String) });
