import { sql } from 'drizzle-orm';
import { getDb } from '@/db/index';

export const dynamic = 'force-dynamic';

/** Liveness for start scripts and monitors: the server answers and the database reads. */
export function GET() {
  getDb().run(sql`select 1`);
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
