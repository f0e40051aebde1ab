// Shared by the server page (initial state) and the client form (state after a save).
import type { Incident } from '@/db/queries/incidents';
import type { IncidentDraft } from './types';

export function incidentToDraft(e: Incident): IncidentDraft {
  return {
    clientKey: `id-${e.id}`,
    id: e.id,
    title: e.title,
    startedAt: e.startedAt,
    endedAt: e.endedAt ?? '',
    durationMinutes: e.durationMinutes === null ? '' : String(e.durationMinutes),
    grade: e.grade ?? '',
    gradeStatus: e.gradeStatus ?? '',
    cause: e.cause,
    handling: e.handling,
  };
}
