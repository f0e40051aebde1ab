// The team's digest settings: the language of the chat messages and the weekly reminder time.
import { z } from '@/lib/validation/zod';
import { LANGUAGES, type Language } from '@/lib/constants';
import { DEFAULT_REMINDER, reminderSettingSchema, type ReminderSetting } from '@/lib/digest/reminder';
import { getDb, type Db } from '../index';
import { getSetting, putSetting } from './settings';

export interface DigestSettings {
  language: Language;
  reminder: ReminderSetting;
}

export const digestSettingsSchema = z.object({ language: z.enum(LANGUAGES), reminder: reminderSettingSchema });

export function getDigestSettings(db: Db = getDb()): DigestSettings {
  const language = getSetting('digest_language', db);
  let reminder: ReminderSetting = DEFAULT_REMINDER;
  try {
    const parsed = reminderSettingSchema.safeParse(JSON.parse(getSetting('digest_reminder', db) ?? 'null'));
    if (parsed.success) reminder = parsed.data;
  } catch {
    // A hand-edited, unreadable value falls back to the default rather than stopping the worker.
  }
  return { language: language === 'en' ? 'en' : 'zh', reminder };
}

export function putDigestSettings(input: DigestSettings, db: Db = getDb()): void {
  db.transaction((tx) => {
    putSetting('digest_language', input.language, tx as unknown as Db);
    putSetting('digest_reminder', JSON.stringify(input.reminder), tx as unknown as Db);
  });
}
