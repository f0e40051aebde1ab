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
