// Runs once when the server starts: stamp every request with the client's address (server/client-address.ts),
// bring the database to the latest migration before any request, then start the group-chat delivery worker
// (never while `next build` prerenders).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ getEnv }, { installClientAddressHook }] = await Promise.all([import('./lib/env'), import('./server/client-address')]);
  installClientAddressHook(getEnv().TRUST_PROXY);
  const [{ getDb }, { prepareDatabase }] = await Promise.all([import('./db/index'), import('./db/setup')]);
  prepareDatabase(getDb());
  const { PHASE_PRODUCTION_BUILD } = await import('next/constants');
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startDigestWorker } = await import('./db/queries/digest-worker');
  startDigestWorker();
}
