// The floor of the benchmark: the cheapest possible server for the same page. Plain node:http, the
// dashboard's HTML bytes read once from FLOOR_FILE, the same content type, nothing else.
import fs from 'node:fs';
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
const body = fs.readFileSync(process.env.FLOOR_FILE ?? '');
const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) };

createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(port, () => console.log(`floor: listening on http://localhost:${port} (${body.length} bytes)`));
