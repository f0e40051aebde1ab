import type { Metadata } from 'next';
import { NewApiKeyForm, RevokeApiKeyForm, type ApiKeyFormLabels } from '@/components/admin/api-key-forms';
import { listApiKeys, type ApiKeySummary } from '@/db/queries/api-keys';
import { API_KEY_EXPIRIES, API_SCOPES } from '@/lib/api/scopes';
import { localDateTime } from '@/lib/time-zone';
import { requirePageRole } from '@/lib/auth';
import type { Translate } from '@/lib/i18n/messages';
import { getTranslator } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.apiKeys') };
}

// In the team's time zone, like every time shown (lib/time-zone.ts).
const when = (d: Date | null, fallback: string) => (d ? localDateTime(d) : fallback);

function statusText(key: ApiKeySummary, now: Date, t: Translate): string {
  if (key.revokedAt) return t('apiKeys.revokedAt', { when: when(key.revokedAt, '') });
  if (key.expiresAt && key.expiresAt <= now) return t('apiKeys.expired');
  return t('apiKeys.active');
}

export default async function ApiKeysPage() {
  await requirePageRole('admin', '/admin/api-keys');
  const { t } = await getTranslator();
  const keys = listApiKeys();
  const now = new Date();
  const labels: ApiKeyFormLabels = {
    label: t('apiKeys.label'),
    scopes: t('apiKeys.scopes'),
    scope: Object.fromEntries(API_SCOPES.map((s) => [s, t(`apiKeys.scope.${s}`)])) as ApiKeyFormLabels['scope'],
    expires: t('apiKeys.expires'),
    expiry: Object.fromEntries(API_KEY_EXPIRIES.map((e) => [e, t(`apiKeys.expiry.${e}`)])) as ApiKeyFormLabels['expiry'],
    create: t('apiKeys.createButton'),
    newKey: t('apiKeys.newKey'),
    copy: t('apiKeys.copy'),
    copied: t('apiKeys.copied'),
  };
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('apiKeys.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t('apiKeys.helpPush')} <code data-content="code">PUT /api/v1/weeks/&lt;week&gt;/values</code> {t('apiKeys.helpWith')}{' '}
        <code data-content="code">Authorization: Bearer &lt;key&gt;</code> {t('apiKeys.helpDescribed')} <code data-content="code">/api/v1/openapi.json</code>
        {t('apiKeys.helpKept')}
      </p>
      <section aria-labelledby="new-api-key-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="new-api-key-heading" className="mb-3 text-lg font-semibold">{t('apiKeys.create')}</h2>
        <NewApiKeyForm labels={labels} />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="api-keys">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-medium">{t('apiKeys.label')}</th>
              <th className="py-2 pr-3 font-medium">{t('apiKeys.key')}</th>
              <th className="py-2 pr-3 font-medium">{t('apiKeys.scopes')}</th>
              <th className="py-2 pr-3 font-medium">{t('apiKeys.created')}</th>
              <th className="py-2 pr-3 font-medium">{t('apiKeys.expiresAt')}</th>
              <th className="py-2 pr-3 font-medium">{t('apiKeys.lastUsed')}</th>
              <th className="py-2 pr-3 font-medium">{t('apiKeys.status')}</th>
              <th className="py-2 font-medium">{t('apiKeys.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr><td colSpan={8} className="py-4 text-slate-500">{t('apiKeys.empty')}</td></tr>
            ) : keys.map((key) => (
              <tr key={key.id} className="border-t border-slate-200 align-top dark:border-slate-800" data-testid={`api-key-${key.label}`}>
                <td className="py-2 pr-3" data-content="user">{key.label}</td>
                <td className="py-2 pr-3 font-mono text-xs" data-content="code">{key.prefix}…</td>
                <td className="py-2 pr-3" data-content="code">{key.scopes.join(', ')}</td>
                <td className="py-2 pr-3">{when(key.createdAt, '')}<br /><span className="text-slate-500">{key.creatorEmail ?? 'cli'}</span></td>
                <td className="py-2 pr-3">{when(key.expiresAt, t('apiKeys.never'))}</td>
                <td className="py-2 pr-3" data-testid="api-key-last-used">{when(key.lastUsedAt, t('apiKeys.never'))}</td>
                <td className="py-2 pr-3" data-testid="api-key-status">{statusText(key, now, t)}</td>
                <td className="py-2">
                  {key.revokedAt ? null : <RevokeApiKeyForm id={key.id} text={t('apiKeys.revoke')} ariaLabel={t('apiKeys.revokeLabel', { label: key.label })} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
