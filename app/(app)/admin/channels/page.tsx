import type { Metadata } from 'next';
import { ChannelRowForms, DigestSettingsForm, NewChannelForm } from '@/components/admin/channel-forms';
import { listChannels } from '@/db/queries/channels';
import { getDigestSettings } from '@/db/queries/digest-settings';
import { listDeliveries } from '@/db/queries/outbox';
import { getWeekNumbering } from '@/db/queries/settings';
import { requirePageRole } from '@/lib/auth';
import type { MessageKey } from '@/lib/i18n/messages';
import { getTranslator } from '@/lib/i18n/server';
import { weekLabelOrRaw } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';
import { localDateTime } from '@/lib/time-zone';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.channels') };
}

const LABEL_KEYS: MessageKey[] = ['channels.kind', 'channels.url', 'channels.secret', 'channels.label', 'channels.submit', 'channels.remove', 'channels.test', 'channels.language', 'channels.reminder', 'channels.reminderDay', 'channels.reminderTime', 'channels.timeZone', 'channels.save', 'channels.kind.wecom', 'channels.kind.dingtalk', 'channels.kind.feishu', 'channels.kind.webhook'];

// In the team's time zone, like every time shown (lib/time-zone.ts).
const when = (ms: number | Date | null) => (ms ? localDateTime(new Date(ms)) : '—');

export default async function ChannelsPage() {
  await requirePageRole('admin', '/admin/channels');
  const { lang, t } = await getTranslator();
  const labels = Object.fromEntries(LABEL_KEYS.map((k) => [k, t(k)]));
  const channels = listChannels();
  const deliveries = listDeliveries();
  const settings = getDigestSettings();
  const numbering = getWeekNumbering();
  // 2024-01-01 was a Monday: day names in the reader's language without a table of our own.
  const dayNames = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-US', { weekday: 'long', timeZone: 'UTC' }));
  const th = 'py-2 pr-3 font-medium';
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('channels.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('channels.intro')}</p>
      <section aria-labelledby="new-channel" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="new-channel" className="mb-3 text-lg font-semibold">{t('channels.add')}</h2>
        <NewChannelForm labels={labels} />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="channels">
          <thead className="text-slate-500">
            <tr>
              <th className={th}>{t('channels.label')}</th>
              <th className={th}>{t('channels.kind')}</th>
              <th className={th}>{t('channels.url')}</th>
              <th className={th}>{t('channels.col.secret')}</th>
              <th className={th}>{t('channels.col.created')}</th>
              <th className="py-2 font-medium">{t('channels.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.length === 0 ? (
              <tr><td colSpan={6} className="py-4 text-slate-500">{t('channels.empty')}</td></tr>
            ) : channels.map((c) => (
              <tr key={c.id} className="border-t border-slate-200 align-top dark:border-slate-800" data-testid={`channel-${c.label}`}>
                <td className="py-2 pr-3" data-content="user">{c.label}</td>
                <td className="py-2 pr-3">{t(`channels.kind.${c.kind}`)}</td>
                <td className="py-2 pr-3 font-mono text-xs" data-testid="channel-url" data-content="code">{c.maskedUrl}</td>
                <td className="py-2 pr-3 font-mono text-xs">{c.secretHint || '—'}</td>
                <td className="py-2 pr-3">{when(c.createdAt)}</td>
                <td className="py-2"><ChannelRowForms id={c.id} label={c.label} labels={labels} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="digest-settings" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="digest-settings" className="mb-3 text-lg font-semibold">{t('channels.settings')}</h2>
        <DigestSettingsForm initial={{ language: settings.language, ...settings.reminder }} labels={labels} dayNames={dayNames} />
      </section>
      <section aria-labelledby="deliveries">
        <h2 id="deliveries" className="mb-3 text-lg font-semibold">{t('channels.deliveries')}</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="deliveries">
            <thead className="text-slate-500">
              <tr>
                <th className={th}>{t('channels.col.week')}</th>
                <th className={th}>{t('channels.col.channel')}</th>
                <th className={th}>{t('channels.col.message')}</th>
                <th className={th}>{t('channels.col.status')}</th>
                <th className={th}>{t('channels.col.attempts')}</th>
                <th className="py-2 font-medium">{t('channels.col.error')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.length === 0 ? (
                <tr><td colSpan={6} className="py-4 text-slate-500">{t('channels.noDeliveries')}</td></tr>
              ) : deliveries.map((d) => (
                <tr key={d.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-2 pr-3" data-content="code">{weekLabelOrRaw(d.weekStart, numbering)}</td>
                  <td className="py-2 pr-3" data-content="user">{d.channelLabel}</td>
                  <td className="py-2 pr-3">{t(`channels.message.${d.kind}` as MessageKey)}</td>
                  <td className="py-2 pr-3">{t(`channels.delivery.${d.status}` as MessageKey)}{d.sentAt ? ` · ${when(d.sentAt)}` : ''}</td>
                  <td className="py-2 pr-3 tabular-nums">{d.attempts}</td>
                  <td className="py-2 text-xs text-slate-500" data-content="code">{d.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
