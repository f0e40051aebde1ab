// The better-auth instance: sessions stored server-side in SQLite, scrypt password hashes,
// HttpOnly SameSite cookies (`__Host-` prefixed wherever the browser sees a secure origin).
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { getEnv } from '@/lib/env';
import { getDb } from './index';
import { account, session, user, verification } from './schema';
import { getAuthSecret } from './queries/settings';
import { getUserById } from './queries/users';

export { getAuthSecret };

export function baseUrl(): string {
  const env = getEnv();
  return env.BASE_URL ?? `http://localhost:${env.PORT}`;
}

/** Browsers keep Secure (and so `__Host-`) cookies only on https or on localhost. */
export function usesSecureCookies(): boolean {
  const url = new URL(baseUrl());
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export const SESSION_COOKIE = () => (usesSecureCookies() ? '__Host-weekline.session' : 'weekline.session');

/** Sliding idle expiry, refreshed at most every few minutes. */
export function sessionTimings(): { expiresInSec: number; updateAgeSec: number } {
  const idle = getEnv().SESSION_IDLE_MINUTES;
  return { expiresInSec: idle * 60, updateAgeSec: Math.min(300, idle * 30) };
}

function createAuth() {
  const secure = usesSecureCookies();
  return betterAuth({
    appName: 'Weekline',
    baseURL: baseUrl(),
    secret: getAuthSecret(),
    database: drizzleAdapter(getDb(), {
      provider: 'sqlite',
      schema: { user, session, account, verification },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, autoSignIn: false },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'viewer' },
        disabled: { type: 'boolean', input: false, defaultValue: false },
      },
    },
    session: {
      // Sliding idle timeout; the absolute limit is enforced in lib/auth.ts (getPrincipal).
      expiresIn: sessionTimings().expiresInSec,
      updateAge: sessionTimings().updateAgeSec,
      // No cookie cache: disabling a user or logging out must take effect on the very next request.
      cookieCache: { enabled: false },
    },
    // better-auth's limiter only guards its HTTP handler, which Weekline does not mount (sign-in runs through
    // app/login/actions.ts calling auth.api directly). Login guessing is limited by db/queries/login-throttle.ts.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: false,
      cookies: {
        session_token: { name: SESSION_COOKIE(), attributes: { secure, sameSite: 'lax', httpOnly: true, path: '/' } },
        session_data: { name: secure ? '__Host-weekline.session_data' : 'weekline.session_data', attributes: { secure } },
        dont_remember: { name: secure ? '__Host-weekline.dont_remember' : 'weekline.dont_remember', attributes: { secure } },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user gets no session, whatever the password says.
          before: async (s) => {
            const u = getUserById(s.userId);
            if (!u || u.disabled) return false;
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { weeklineAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.weeklineAuth ??= createAuth();
  return globalForAuth.weeklineAuth;
}
