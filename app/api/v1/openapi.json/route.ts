import { OPENAPI_DOCUMENT } from '@/lib/api/openapi';

/** Public: the description of /api/v1 holds no data. */
export function GET() {
  return Response.json(OPENAPI_DOCUMENT, { headers: { 'Cache-Control': 'public, max-age=300' } });
}
