// The channel form and `notify add`: kind, URL (checked against the host allow-list), optional secret, label.
import { z } from '@/lib/validation/zod';
import { key } from '../i18n/key';
import { CHANNEL_KINDS } from '../constants';
import { checkWebhookUrl } from './url-policy';

// Messages are catalogue keys (lib/i18n/catalogue/admin.ts): the admin page renders them in the reader's
// language, the CLI in English.
const URL_MESSAGES = {
  invalid: key('error.channel.url'),
  scheme: key('error.channel.scheme'),
  host: key('error.channel.host'),
  path: key('error.channel.path'),
  credentials: key('error.channel.credentials'),
} as const;

export function newChannelSchema(allowHosts: readonly string[]) {
  return z
    .object({
      kind: z.enum(CHANNEL_KINDS, key('error.channel.kind')),
      url: z.string(URL_MESSAGES.invalid).trim().min(1, URL_MESSAGES.invalid).max(2000, key('error.channel.urlTooLong')),
      secret: z
        .string(key('error.channel.secretTooLong'))
        .trim()
        .max(200, key('error.channel.secretTooLong'))
        .optional()
        .transform((s) => s || null),
      label: z.string(key('error.channel.label')).trim().min(1, key('error.channel.label')).max(100, key('error.channel.labelTooLong')),
    })
    .superRefine((v, ctx) => {
      const check = checkWebhookUrl(v.kind, v.url, allowHosts);
      // An empty URL already has its message: say it once.
      if (v.url && !check.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: URL_MESSAGES[check.reason] });
      if (v.secret && (v.kind === 'wecom' || v.kind === 'webhook')) ctx.addIssue({ code: 'custom', path: ['secret'], message: key('error.channel.secretUnsigned') });
    });
}

export type NewChannelInput = z.output<ReturnType<typeof newChannelSchema>>;

export const channelIdSchema = z.coerce.number().int().positive();
