// What a server-action request body may contain before Next.js decodes it. React's reply format gives
// strings that start with `$` a meaning (`$Q1` a Map in part 1, `$T` a client-only reference, `$@2` a
// promise…); a body that names a part it does not carry makes Next's decoder throw before our code runs, a
// 500 for anyone. Our actions take plain values (JSON or one FormData), so the proxy lets through only what
// the React client sends for those, and refuses the rest with a 400.

/** Next.js refuses larger action bodies (serverActions.bodySizeLimit, default 1 MB) by throwing; we answer 413 first. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

// Escaped `$` text, undefined, special numbers, dates and big integers: values, never references.
const VALUE_RE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d{1,400}$)/;
// A FormData argument (`$K1`): its entries travel as `1_…`/`_1_…` parts; a missing part is an empty FormData.
const FORM_DATA_RE = /^\$K[0-9a-f]{1,8}$/;
// The client writes an object it meets twice as a path into the root (`$0:values:health_score`).
const PATH_RE = /^\$0(?::[^:]*)+$/;

export type ActionBodyProblem = 'malformed' | 'reference';

/** Why the root JSON of an action body would not decode, or null when it is plain values only. */
export function actionRootProblem(rootJson: string, options: { multipart: boolean }): ActionBodyProblem | null {
  let root: unknown;
  try {
    root = JSON.parse(rootJson);
  } catch {
    return 'malformed';
  }
  const resolves = (ref: string) => {
    let node: unknown = root;
    for (const key of ref.split(':').slice(1)) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
      node = (node as Record<string, unknown>)[key];
    }
    return node !== null && typeof node === 'object';
  };
  const allowed = (s: string) =>
    s[0] !== '$' || VALUE_RE.test(s) || (options.multipart && FORM_DATA_RE.test(s)) || (PATH_RE.test(s) && resolves(s));
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (!allowed(node)) return 'reference';
    } else if (node !== null && typeof node === 'object') {
      for (const value of Object.values(node)) stack.push(value);
    }
  }
  return null;
}

/** The body size a request declares, or null when it declares none (chunked). */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get('content-length');
  return raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : null;
}
