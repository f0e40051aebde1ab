import type { Metadata } from 'next';
import { NewShareForm, RevokeShareForm, RotateShareForm } from '@/components/admin/share-forms';
import { getWeekNumbering } from '@/db/queries/settings';
import { listShareLinks, type ShareLinkSummary } from '@/db/queries/share-links';
import { requirePageRole } from '@/lib/auth';
import { currentWeekStart, weekLabel, type WeekNumbering } from '@/lib/weeks';
import { getTranslator, pageTitle } from '@/lib/i18n/server';
import { MESSAGES, type MessageKey, type Translate } from '@/lib/i18n/messages';
import { localDateTime } from '@/lib/time-zone';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.shares') };
}

const when = (d: Date | null, fallback: string) => (d ? localDateTime(d) : fallback);

function scopeText(link: ShareLinkSummary, numbering: WeekNumbering, t: Translate): string {
  if (!link.fromWeek && !link.toWeek) return t('shares.allWeeks');
  return `${link.fromWeek ? weekLabel(link.fromWeek, numbering) : '…'} – ${link.toWeek ? weekLabel(link.toWeek, numbering) : '…'}`;
}

function statusText(link: ShareLinkSummary, now: Date, t: Translate): string {
  if (link.revokedAt) return t('shares.revokedAt', { when: when(link.revokedAt, '') });
  if (link.expiresAt && link.expiresAt <= now) return t('shares.expired');
  return t('shares.active');
}

export default async function ShareLinksPage() {
  await requirePageRole('admin', '/admin/shares');
  const numbering = getWeekNumbering();
  const links = listShareLinks();
  const now = new Date();
  const { t } = await getTranslator();
  const l = Object.fromEntries((Object.keys(MESSAGES.en) as MessageKey[]).filter((k) => k.startsWith('shares.')).map((k) => [k, t(k)]));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('shares.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t('shares.intro')}
      </p>
      <section aria-labelledby="new-share" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="new-share" className="mb-3 text-lg font-semibold">{t('shares.create')}</h2>
        <NewShareForm weekHint={weekLabel(currentWeekStart(), numbering)} numbering={numbering} l={l} />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="share-links">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-medium">{t('shares.label')}</th>
              <th className="py-2 pr-3 font-medium">{t('shares.weeks')}</th>
              <th className="py-2 pr-3 font-medium">{t('shares.created')}</th>
              <th className="py-2 pr-3 font-medium">{t('shares.expires')}</th>
              <th className="py-2 pr-3 font-medium">{t('shares.lastUsed')}</th>
              <th className="py-2 pr-3 font-medium">{t('shares.views')}</th>
              <th className="py-2 pr-3 font-medium">{t('shares.status')}</th>
              <th className="py-2 font-medium">{t('shares.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {links.length === 0 ? (
              <tr><td colSpan={8} className="py-4 text-slate-500">{t('shares.empty')}</td></tr>
            ) : links.map((link) => (
              <tr key={link.id} className="border-t border-slate-200 align-top dark:border-slate-800" data-testid={`share-${link.label}`}>
                <td className="py-2 pr-3" data-content="user">{link.label}</td>
                <td className="py-2 pr-3">{scopeText(link, numbering, t)}</td>
                <td className="py-2 pr-3">{when(link.createdAt, '')}<br /><span className="text-slate-500">{link.channelLabel ? <span data-content="user">{t('shares.digestTo', { channel: link.channelLabel })}</span> : (link.creatorEmail ?? t('shares.cli'))}</span></td>
                <td className="py-2 pr-3">{when(link.expiresAt, t('shares.never'))}</td>
                <td className="py-2 pr-3">{when(link.lastUsedAt, t('shares.never'))}</td>
                <td className="py-2 pr-3 tabular-nums" data-testid="share-views">{link.views}</td>
                <td className="py-2 pr-3" data-testid="share-status">{statusText(link, now, t)}</td>
                <td className="py-2">
                  {link.revokedAt ? null : (
                    <div className="flex flex-wrap items-start gap-2">
                      <RevokeShareForm id={link.id} label={link.label} l={l} />
                      <RotateShareForm id={link.id} label={link.label} l={l} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
