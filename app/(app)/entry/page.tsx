import { redirect } from 'next/navigation';
import { getWeekNumbering } from '@/db/queries/settings';
import { requirePageRole } from '@/lib/auth';
import { currentWeekStart, weekLabel } from '@/lib/weeks';

export default async function CurrentWeekEntryPage() {
  await requirePageRole('editor', '/entry');
  redirect(`/entry/${weekLabel(currentWeekStart(), getWeekNumbering())}`);
}
