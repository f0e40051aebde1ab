import type { Metadata } from 'next';
import { NewShareForm, RevokeShareForm, RotateShareForm } from '@/components/admin/share-forms';
import { getWeekNumbering } from '@/db/queries/settings';
import { listShareLinks, type ShareLinkSummary } from '@/db/queries/share-links';
import { requirePageRole } from '@/lib/auth';
import { currentWeekStart, weekLabel, type WeekNumbering } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.shares') };
}

const when = (d: Date | null, fallback: string) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : fallback);

function scopeText(link: ShareLinkSummary, numbering: WeekNumbering): string {
  if (!link.fromWeek && !link.toWeek) return 'All published weeks';
  return `${link.fromWeek ? weekLabel(link.fromWeek, numbering) : '…'} – ${link.toWeek ? weekLabel(link.toWeek, numbering) : '…'}`;
}

function statusText(link: ShareLinkSummary, now: Date): string {
  if (link.revokedAt) return `Revoked ${when(link.revokedAt, '')}`;
  if (link.expiresAt && link.expiresAt <= now) return 'Expired';
  return 'Active';
}

export default async function ShareLinksPage() {
  await requirePageRole('admin', '/admin/shares');
  const numbering = getWeekNumbering();
  const links = listShareLinks();
  const now = new Date();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Share links</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A share link shows the published dashboard, read-only, to anyone who has it. Only a fingerprint of the link is kept: copy it when it is shown, it cannot be shown again.
      </p>
      <section aria-labelledby="new-share" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="new-share" className="mb-3 text-lg font-semibold">Create a link</h2>
        <NewShareForm weekHint={weekLabel(currentWeekStart(), numbering)} />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="share-links">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-medium">Label</th>
              <th className="py-2 pr-3 font-medium">Weeks</th>
              <th className="py-2 pr-3 font-medium">Created</th>
              <th className="py-2 pr-3 font-medium">Expires</th>
              <th className="py-2 pr-3 font-medium">Last used</th>
              <th className="py-2 pr-3 font-medium">Views</th>
              <th className="py-2 pr-3 font-medium">Status</th>
              <th className="py-2 font-medium">Actions</th>
            </tr>
          </thead>
          <tbody>
            {links.length === 0 ? (
              <tr><td colSpan={8} className="py-4 text-slate-500">No share links yet.</td></tr>
            ) : links.map((link) => (
              <tr key={link.id} className="border-t border-slate-200 align-top dark:border-slate-800" data-testid={`share-${link.label}`}>
                <td className="py-2 pr-3">{link.label}</td>
                <td className="py-2 pr-3">{scopeText(link, numbering)}</td>
                <td className="py-2 pr-3">{when(link.createdAt, '')}<br /><span className="text-slate-500">{link.channelLabel ? `digest → ${link.channelLabel}` : (link.creatorEmail ?? 'cli')}</span></td>
                <td className="py-2 pr-3">{when(link.expiresAt, 'Never')}</td>
                <td className="py-2 pr-3">{when(link.lastUsedAt, 'Never')}</td>
                <td className="py-2 pr-3 tabular-nums" data-testid="share-views">{link.views}</td>
                <td className="py-2 pr-3" data-testid="share-status">{statusText(link, now)}</td>
                <td className="py-2">
                  {link.revokedAt ? null : (
                    <div className="flex flex-wrap items-start gap-2">
                      <RevokeShareForm id={link.id} label={link.label} />
                      <RotateShareForm id={link.id} label={link.label} />
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
