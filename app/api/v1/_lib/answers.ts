// What /api/v1 answers for a week and for each outcome of a write: one place, so a replayed answer is
// byte-for-byte the stored first one.
import type { ApiWeek, ApiWriteOutcome } from '@/db/queries/api-week';
import { fieldError, problem, problemResponse } from '@/lib/api/problem';
import { versionEtag } from '@/lib/api/request';
import { weekLabel, type WeekNumbering } from '@/lib/weeks';

export interface Answer {
  status: number;
  body: string;
  etag: string | null;
}

export function weekBody(week: ApiWeek, numbering: WeekNumbering, extra: Record<string, unknown> = {}) {
  return { week: weekLabel(week.weekStart, numbering), ...week, ...extra };
}

export function answerOf(outcome: ApiWriteOutcome, numbering: WeekNumbering): Answer {
  const json = (p: object) => JSON.stringify(p);
  switch (outcome.kind) {
    case 'ok':
      return { status: 200, body: json(weekBody(outcome.week, numbering, { changes: outcome.changes })), etag: versionEtag(outcome.week.version) };
    case 'not_found':
      return { status: 404, body: json(problem(404, 'week-not-found', 'There is no such week yet.')), etag: null };
    case 'precondition_failed':
      return {
        status: 412,
        body: json(problem(412, 'version-mismatch', outcome.currentVersion === null ? 'The week does not exist yet.' : `The week is at version ${outcome.currentVersion}; read it again and retry.`)),
        etag: outcome.currentVersion === null ? null : versionEtag(outcome.currentVersion),
      };
    case 'conflict':
      return { status: 409, body: json(problem(409, 'conflict', `The week changed meanwhile (now version ${outcome.currentVersion}); retry.`)), etag: versionEtag(outcome.currentVersion) };
    case 'needs_reason':
      return { status: 422, body: json(problem(422, 'validation', 'The week is published: a change is a restatement and needs a reason.', [fieldError(['reason'], 'Give a reason for changing a published week.')])), etag: null };
    case 'needs_confirmation':
      return {
        status: 422,
        body: json(problem(422, 'validation', `Required metrics have no value: ${outcome.missing.join(', ')}.`, [fieldError(['confirmMissing'], 'Send "confirmMissing": true to publish without them.')])),
        etag: null,
      };
  }
}

export function answerResponse(answer: Answer, headers: Record<string, string> = {}): Response {
  const problemType = answer.status >= 400;
  return new Response(answer.body, {
    status: answer.status,
    headers: {
      'Content-Type': problemType ? 'application/problem+json' : 'application/json',
      'Cache-Control': 'no-store',
      ...(answer.etag ? { ETag: answer.etag } : {}),
      ...headers,
    },
  });
}

export const weekNotFound = () => problemResponse(problem(404, 'week-not-found', 'There is no such week (or it is not published).'));
export const badLabel = () => problemResponse(problem(404, 'week-not-found', 'Name the week by its label (2023-W29) or any date in it (2023-07-17).'));
