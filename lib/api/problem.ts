// RFC 9457 problem details: every /api/v1 error is `application/problem+json` with a type, title, status and
// detail, and for invalid input one entry per field in `errors[]` (a JSON pointer into the body and a message).
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  /** JSON pointer into the request body (RFC 6901), e.g. `/values/health_score`. */
  pointer: string;
  /** The same place as a dotted name, e.g. `values.health_score`. */
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** `urn:weekline:problem:<slug>`: stable identifiers a client can switch on; listed in the OpenAPI document. */
export const problemType = (slug: string) => `urn:weekline:problem:${slug}`;

export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function fieldError(path: readonly (string | number)[], message: string): FieldError {
  return { pointer: path.length ? `/${path.map((p) => escapePointer(String(p))).join('/')}` : '', field: path.join('.'), message };
}

export function problem(status: number, slug: string, detail: string, errors?: FieldError[]): Problem {
  return { type: problemType(slug), title: TITLES[status] ?? 'Error', status, detail, ...(errors?.length ? { errors } : {}) };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}
