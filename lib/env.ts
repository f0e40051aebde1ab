// The validated environment. Bad configuration stops start-up with one clear sentence (ConfigError),
// never a stack trace.
import { z } from '@/lib/validation/zod';
import { HOST_RE } from './digest/url-policy';
import { DEFAULT_TIME_ZONE, isTimeZone } from './time-zone';
import { WEEK_NUMBERINGS } from './weeks';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const envSchema = z.object({
  DATABASE_PATH: z.string().trim().min(1).default('data/weekline.db'),
  WEEK_NUMBERING: z.enum(WEEK_NUMBERINGS).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BASE_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  DEMO_DATA: z.enum(['0', '1']).default('1'),
  /** The team's time zone for every time shown and every "today" (lib/time-zone.ts). */
  TIME_ZONE: z.string().trim().refine(isTimeZone).default(DEFAULT_TIME_ZONE),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed (lib/client-address.ts). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  /** Extra hosts channels may point at (comma-separated host names); the providers' hosts are always allowed. */
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .transform((raw) => raw.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(HOST_RE)))
    .default([]),
});

export type Env = z.infer<typeof envSchema>;

const HINTS: Record<string, string> = {
  WEEK_NUMBERING: 'must be "jan1" or "iso"',
  PORT: 'must be a port number from 1 to 65535',
  BASE_URL: 'must be a full URL such as http://localhost:3000',
  AUTH_SECRET: 'must be at least 32 characters',
  ADMIN_EMAIL: 'must be an email address',
  ADMIN_PASSWORD: 'must be at least 12 characters',
  DEMO_DATA: 'must be 0 or 1',
  TIME_ZONE: 'must be a time zone name such as Asia/Shanghai or UTC',
  SESSION_IDLE_MINUTES: 'must be whole minutes from 5 to 10080',
  SESSION_MAX_HOURS: 'must be whole hours from 1 to 720',
  TRUST_PROXY: 'must be the number of reverse proxies in front of Weekline, a whole number from 0 to 5',
  WEBHOOK_ALLOW_HOSTS: 'must be comma-separated host names such as hooks.example.com,127.0.0.1',
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as shells and .env files commonly leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue.path[0]);
  const shown = name === 'ADMIN_PASSWORD' || name === 'AUTH_SECRET' ? '' : ` (got "${cleaned[name]}")`;
  throw new ConfigError(`${name} ${HINTS[name] ?? issue.message}${shown}.`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
