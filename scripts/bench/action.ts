// Calling a server action over HTTP the way the browser's router does: POST to the page with the action's
// id in `Next-Action` and the arguments as JSON (React's encoding of plain JSON arguments). The id comes
// from the build's server-reference manifest, matched by exported name and source file.
import fs from 'node:fs';
import path from 'node:path';

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
}

export function findActionId(distDir: string, exportedName: string, filename: string): string | null {
  const file = path.join(distDir, 'server', 'server-reference-manifest.json');
  if (!fs.existsSync(file)) return null;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node?: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (entry.exportedName === exportedName && (entry.filename ?? '').replace(/\\/g, '/') === filename) return id;
  }
  return null;
}

export interface ActionCall {
  status: number;
  ms: number;
  body: string;
}

export async function postAction(origin: string, pagePath: string, actionId: string, args: unknown[], cookie: string): Promise<ActionCall> {
  const t0 = performance.now();
  const res = await fetch(origin + pagePath, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': actionId,
      origin,
      cookie,
    },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - t0, body };
}
