// The request body of /api/v1 writes: at most API_BODY_LIMIT bytes, JSON, UTF-8.
import { problem, problemResponse } from '@/lib/api/problem';

export const API_BODY_LIMIT = 64 * 1024;

export interface JsonBody {
  /** The exact bytes (the idempotency fingerprint is over these). */
  bytes: Uint8Array;
  /** undefined for an empty body. */
  json: unknown;
}

const tooLarge = () => problemResponse(problem(413, 'body-too-large', `The body is over ${API_BODY_LIMIT / 1024} kB.`));

async function readLimited(request: Request): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > API_BODY_LIMIT) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > API_BODY_LIMIT) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

export async function readJsonBody(request: Request, required: boolean): Promise<JsonBody | Response> {
  const bytes = await readLimited(request);
  if (!bytes) return tooLarge();
  if (bytes.byteLength === 0) {
    return required ? problemResponse(problem(400, 'malformed-body', 'Send a JSON body.')) : { bytes, json: undefined };
  }
  const type = request.headers.get('content-type');
  if (type !== null && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type.trim())) {
    return problemResponse(problem(415, 'unsupported-media-type', 'Send the body as application/json.'));
  }
  try {
    return { bytes, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return problemResponse(problem(400, 'malformed-body', 'The body is not valid JSON in UTF-8.'));
  }
}
