// What a key may do, and the form/CLI input that makes one.
import { z } from 'zod';

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

export function newApiKeySchema(now: Date = new Date()) {
  return z
    .object({
      label: z.string().trim().min(1, 'Give the key a label.').max(100, 'Keep the label under 100 characters.'),
      scopes: z
        .array(z.string().trim())
        .transform((list) => [...new Set(list.filter(Boolean))])
        .pipe(
          z
            .array(z.enum(API_SCOPES, `Scopes are ${API_SCOPES.join(', ')}.`))
            .min(1, `Choose at least one scope: ${API_SCOPES.join(', ')}.`),
        ),
      expiresIn: z.string().trim(),
    })
    .transform((v, ctx) => {
      const expiresAt = apiKeyExpiry(v.expiresIn, now);
      if (expiresAt === undefined) {
        ctx.addIssue({ code: 'custom', path: ['expiresIn'], message: 'Give the expiry as days (e.g. 90d, at most 3650d) or never.' });
        return z.NEVER;
      }
      return { label: v.label, scopes: v.scopes, expiresAt };
    });
}

export type NewApiKey = z.output<ReturnType<typeof newApiKeySchema>>;

export const apiKeyIdSchema = z.coerce.number().int().positive();
