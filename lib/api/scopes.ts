// What a key may do, and the form/CLI input that makes one.
import { z } from '@/lib/validation/zod';
import { key } from '../i18n/key';

export const API_SCOPES = ['kpi:write', 'kpi:read', 'report:publish'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_KEY_EXPIRIES = ['30d', '90d', '365d', 'never'] as const;
const DAY_MS = 86_400_000;
const MAX_DAYS = 3650;

/** `Nd` (1 to 3650 days) or `never`: the instant the key stops working, or null. */
export function apiKeyExpiry(expiresIn: string, now: Date): Date | null | undefined {
  if (expiresIn === 'never') return null;
  const m = /^(\d{1,4})d$/.exec(expiresIn);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > MAX_DAYS) return undefined;
  return new Date(now.getTime() + Number(m[1]) * DAY_MS);
}

export function parseScopes(text: string): ApiScope[] {
  return text.split(',').filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}

// Messages are catalogue keys (lib/i18n/catalogue/admin.ts): the admin page renders them in the reader's
// language, the CLI in English.
const SCOPE_LIST = key('error.apiKey.scope', { scopes: API_SCOPES.join(', ') });

export function newApiKeySchema(now: Date = new Date()) {
  return z
    .object({
      label: z.string(key('error.apiKey.label')).trim().min(1, key('error.apiKey.label')).max(100, key('error.apiKey.labelTooLong')),
      scopes: z
        .array(z.string(SCOPE_LIST).trim(), SCOPE_LIST)
        .transform((list) => [...new Set(list.filter(Boolean))])
        .pipe(
          z
            .array(z.enum(API_SCOPES, SCOPE_LIST))
            .min(1, key('error.apiKey.noScope', { scopes: API_SCOPES.join(', ') })),
        ),
      expiresIn: z.string(key('error.apiKey.expiry')).trim(),
    })
    .transform((v, ctx) => {
      const expiresAt = apiKeyExpiry(v.expiresIn, now);
      if (expiresAt === undefined) {
        ctx.addIssue({ code: 'custom', path: ['expiresIn'], message: key('error.apiKey.expiry') });
        return z.NEVER;
      }
      return { label: v.label, scopes: v.scopes, expiresAt };
    });
}

export type NewApiKey = z.output<ReturnType<typeof newApiKeySchema>>;

export const apiKeyIdSchema = z.coerce.number().int().positive();
