// The channel form and `notify add`: kind, URL (checked against the host allow-list), optional secret, label.
import { z } from 'zod';
import { CHANNEL_KINDS } from '../constants';
import { checkWebhookUrl } from './url-policy';

const URL_MESSAGES = {
  invalid: 'Enter the full webhook URL, starting with https://.',
  scheme: 'The URL must use https.',
  host: 'This host is not allowed: use the provider’s robot URL, or add the host to WEBHOOK_ALLOW_HOSTS.',
  path: 'This is not the provider’s robot URL (check the key or token in it).',
  credentials: 'The URL must not contain a user name or password.',
} as const;

export function newChannelSchema(allowHosts: readonly string[]) {
  return z
    .object({
      kind: z.enum(CHANNEL_KINDS, 'Choose WeCom, DingTalk, Feishu or webhook.'),
      url: z.string().trim().min(1, URL_MESSAGES.invalid).max(2000, 'Keep the URL under 2,000 characters.'),
      secret: z
        .string()
        .trim()
        .max(200, 'Keep the secret under 200 characters.')
        .optional()
        .transform((s) => s || null),
      label: z.string().trim().min(1, 'Give the channel a label.').max(100, 'Keep the label under 100 characters.'),
    })
    .superRefine((v, ctx) => {
      const check = checkWebhookUrl(v.kind, v.url, allowHosts);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: URL_MESSAGES[check.reason] });
      if (v.secret && (v.kind === 'wecom' || v.kind === 'webhook')) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'Only DingTalk and Feishu robots are signed; leave the secret empty.' });
    });
}

export type NewChannelInput = z.output<ReturnType<typeof newChannelSchema>>;

export const channelIdSchema = z.coerce.number().int().positive();
