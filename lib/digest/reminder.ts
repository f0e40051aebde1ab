// When the weekly reminder is due: a weekday and wall-clock time in the team's time zone. Pure.
import { z } from '@/lib/validation/zod';
import { key } from '../i18n/key';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../time-zone';
import { weekStartOf, type WeekStart } from '../weeks';

export const reminderSettingSchema = z.object({
  enabled: z.boolean(key('channels.settingsInvalid')),
  /** 1 = Monday … 7 = Sunday. */
  day: z.coerce.number(key('error.reminder.day')).int(key('error.reminder.day')).min(1, key('error.reminder.day')).max(7, key('error.reminder.day')),
  // Messages are catalogue keys (lib/i18n/catalogue/admin.ts), rendered by the admin action.
  time: z.string(key('error.reminder.time')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, key('error.reminder.time')),
  timeZone: z.string(key('error.reminder.timeZone')).refine(isTimeZone, key('error.reminder.timeZone')),
});
export type ReminderSetting = z.infer<typeof reminderSettingSchema>;

export const DEFAULT_REMINDER: ReminderSetting = { enabled: true, day: 5, time: '18:00', timeZone: DEFAULT_TIME_ZONE };

export { isTimeZone };

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall clock in `timeZone` at `now`: its date, weekday (1–7) and minutes since midnight. */
export function wallClock(now: Date, timeZone: string): { date: string; day: number; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, day: WEEKDAYS[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The team's current week when its reminder time has passed (this week), else null. */
export function reminderDueWeek(now: Date, setting: ReminderSetting): WeekStart | null {
  if (!setting.enabled) return null;
  const clock = wallClock(now, setting.timeZone);
  const [h, m] = setting.time.split(':').map(Number);
  const due = clock.day > setting.day || (clock.day === setting.day && clock.minutes >= h * 60 + m);
  return due ? weekStartOf(clock.date) : null;
}
