// The one zod of the project: every schema module imports `z` from here, never from 'zod' directly.
// The browser runs the server's schemas (the one form pattern, issue 16), and zod's compiled fast path
// probes `new Function` when a schema is built, which the Content-Security-Policy forbids: even caught, the
// browser reports a violation. So in the browser zod is set to run without it before any schema is built;
// the server keeps the compiled path.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
