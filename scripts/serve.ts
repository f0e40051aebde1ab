// The production server: Next.js behind a thin node:http layer, so weekly pages can be answered from
// a cache after a per-request permission check (lib/page-cache, wired in here).
import { createServer } from 'node:http';
import next from 'next';
import { withPageCache } from './lib/cached-handler';

export async function serve(options: { port: number; hostname?: string; dir?: string }): Promise<import('node:http').Server> {
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), port: options.port, hostname: options.hostname ?? 'localhost' });
  await app.prepare();
  const nextHandle = app.getRequestHandler();
  const handle = process.env.PAGE_CACHE === '0' ? (req: Parameters<typeof nextHandle>[0], res: Parameters<typeof nextHandle>[1]) => nextHandle(req, res) : withPageCache((req, res) => nextHandle(req, res));
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  return server;
}

if (process.argv[1]?.endsWith('serve.ts')) {
  const port = Number(process.env.PORT ?? 3000);
  void serve({ port }).then(() => console.log(`weekline: listening on http://localhost:${port}`));
}
