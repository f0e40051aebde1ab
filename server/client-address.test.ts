// Promise: the address rate limits key on is the socket's (or what TRUST_PROXY's proxies report), stamped by
// the server on every request; a client cannot choose it with X-Forwarded-For or by sending the header itself.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_HEADER } from '@/lib/client-address';
import { installClientAddressHook } from './client-address';

let server: http.Server;
let port: number;

beforeAll(async () => {
  installClientAddressHook(0);
  // Answers with the address the app would see, like a route reading headers() would.
  server = http.createServer((req, res) => res.end(String(req.headers[CLIENT_HEADER])));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  installClientAddressHook(0);
  await new Promise((resolve) => server.close(resolve));
});

function seenAs(localAddress: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', localAddress, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}

describe('client address hook', () => {
  it('stamps the socket address and overwrites what the client sent', async () => {
    expect(await seenAs('127.0.0.2', { 'x-forwarded-for': '203.0.113.1' })).toBe('127.0.0.2');
    expect(await seenAs('127.0.0.3', { 'x-forwarded-for': '203.0.113.2', [CLIENT_HEADER]: '198.51.100.1' })).toBe('127.0.0.3');
    expect(await seenAs('127.0.0.2', {})).toBe('127.0.0.2');
  });

  it('with TRUST_PROXY=1 takes the entry the proxy appended', async () => {
    installClientAddressHook(1);
    expect(await seenAs('127.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).toBe('203.0.113.7');
    expect(await seenAs('127.0.0.2', {})).toBe('127.0.0.2');
    installClientAddressHook(0);
  });
});
