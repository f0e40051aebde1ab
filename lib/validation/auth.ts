import { z } from '@/lib/validation/zod';
import { ROLES } from '../constants';
import { key } from '../i18n/key';
import { plainText } from './text';

// Messages are catalogue keys (lib/i18n/catalogue/admin.ts), rendered in the reader's language by the action.
export const loginSchema = z.object({
  email: z.email({ error: key('error.auth.email') }).trim().toLowerCase(),
  password: z.string({ error: key('error.auth.password') }).min(1, { error: key('error.auth.password') }).max(256, { error: key('error.auth.passwordTooLong') }),
});

export const newUserSchema = z.object({
  email: z.email({ error: key('error.auth.email') }).trim().toLowerCase(),
  name: plainText({ error: key('error.auth.nameTooLong') }).trim().max(100, { error: key('error.auth.nameTooLong') }).optional(),
  role: z.enum(ROLES, { error: key('error.auth.role') }),
  password: z
    .string({ error: key('error.auth.passwordShort') })
    .min(12, { error: key('error.auth.passwordShort') })
    .max(256, { error: key('error.auth.passwordTooLong') }),
});

// A base no request ever has: a target that resolves to any other origin was not a path of ours.
const OWN_ORIGIN = 'https://weekline.invalid';

/**
 * Only same-origin paths, so a crafted `next` cannot send a user off to another site after login. The target
 * is parsed as a URL against our own origin, as a browser would; anything that resolves elsewhere, or holds
 * characters browsers drop or reinterpret (controls, whitespace, backslashes), gives `/`. The result is the
 * parsed path, percent-encoded, so it is always a valid Location header.
 */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2048 || !next.startsWith('/')) return '/';
  if (/[\u0000-\u001f\u007f-\u009f\\\s]/u.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN_ORIGIN || url.username || url.password) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
