// A write of /api/v1 with its Idempotency-Key: claimed before the write, the answer stored in the write's own
// transaction (so a replay never writes and a crash never leaves a written change without its answer).
import type { ApiPrincipal } from '@/db/queries/api-keys';
import type { ApiWriteOutcome, OnOutcome } from '@/db/queries/api-week';
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentAnswer } from '@/db/queries/api-idempotency';
import { getWeekNumbering } from '@/db/queries/settings';
import { problem, problemResponse } from '@/lib/api/problem';
import { parseIdempotencyKey, requestFingerprint } from '@/lib/api/request';
import { answerOf, answerResponse } from './answers';

export function idempotentWrite(request: Request, principal: ApiPrincipal, bytes: Uint8Array, write: (onOutcome?: OnOutcome) => ApiWriteOutcome): Response {
  const numbering = getWeekNumbering();
  const key = parseIdempotencyKey(request.headers.get('idempotency-key'));
  if (key === 'invalid') return problemResponse(problem(400, 'bad-idempotency-key', 'Idempotency-Key takes 1 to 255 visible ASCII characters, e.g. a UUID.'));
  if (key === null) return answerResponse(answerOf(write(), numbering));

  const path = new URL(request.url).pathname;
  const claim = claimIdempotencyKey(principal.keyId, key, requestFingerprint(request.method, path, bytes));
  if (claim.kind === 'mismatch') return problemResponse(problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request; use a new key.'));
  if (claim.kind === 'running') return problemResponse(problem(409, 'idempotency-key-in-use', 'The first request with this Idempotency-Key is still running; retry shortly.'), { 'Retry-After': '1' });
  if (claim.kind === 'replay') return answerResponse(claim.answer, { 'Idempotent-Replayed': 'true' });
  try {
    const outcome = write((tx, o) => storeIdempotentAnswer(principal.keyId, key, answerOf(o, numbering), tx));
    return answerResponse(answerOf(outcome, numbering));
  } catch (error) {
    releaseIdempotencyKey(principal.keyId, key);
    throw error;
  }
}
