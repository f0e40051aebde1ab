// Runs once when the server starts: bring the database to the latest migration before any request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ getDb }, { prepareDatabase }] = await Promise.all([import('./db/index'), import('./db/setup')]);
  prepareDatabase(getDb());
}
