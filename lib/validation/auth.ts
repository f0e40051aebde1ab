import { z } from 'zod';
import { ROLES } from '../constants';
import { plainText } from './text';

export const loginSchema = z.object({
  email: z.email({ error: 'Enter an email address.' }).trim().toLowerCase(),
  password: z.string({ error: 'Enter your password.' }).min(1, { error: 'Enter your password.' }).max(256),
});

export const newUserSchema = z.object({
  email: z.email({ error: 'Enter an email address.' }).trim().toLowerCase(),
  name: plainText().trim().max(100).optional(),
  role: z.enum(ROLES, { error: 'Choose admin, editor or viewer.' }),
  password: z
    .string()
    .min(12, { error: 'Use at least 12 characters.' })
    .max(256, { error: 'Use at most 256 characters.' }),
});

/** Only same-site paths, so a crafted `next` cannot send a user off to another site after login. */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
