import { describe, expect, it } from 'vitest';
import { clientAddress, clientOf, CLIENT_HEADER } from './client-address';

describe('clientAddress', () => {
  it('without a trusted proxy is the socket, whatever X-Forwarded-For says', () => {
    for (const forwardedFor of [undefined, '203.0.113.9', '203.0.113.9, 198.51.100.1', ['1.1.1.1', '2.2.2.2'], 'garbage']) {
      expect(clientAddress({ socket: '::ffff:127.0.0.1', forwardedFor, trustProxy: 0 })).toBe('127.0.0.1');
    }
    expect(clientAddress({ socket: '2001:db8::7', forwardedFor: '203.0.113.9', trustProxy: 0 })).toBe('2001:db8::7');
    expect(clientAddress({ socket: undefined, forwardedFor: '203.0.113.9', trustProxy: 0 })).toBe('unknown');
  });

  it('with N trusted proxies takes the entry N hops from the right', () => {
    // The client forged the first entry; the proxy appended what it saw.
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.9', trustProxy: 1 })).toBe('203.0.113.9');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.9, 10.0.0.1', trustProxy: 2 })).toBe('203.0.113.9');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: ['6.6.6.6', '203.0.113.9'], trustProxy: 1 })).toBe('203.0.113.9');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '::ffff:203.0.113.9', trustProxy: 1 })).toBe('203.0.113.9');
  });

  it('a short chain gives its leftmost entry; a non-address gives the socket', () => {
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: undefined, trustProxy: 1 })).toBe('10.0.0.2');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '203.0.113.9', trustProxy: 3 })).toBe('203.0.113.9');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: 'evil, <script>', trustProxy: 1 })).toBe('10.0.0.2');
  });

  it('clientOf reads the stamped header', () => {
    expect(clientOf(new Headers({ [CLIENT_HEADER]: '127.0.0.2' }))).toBe('127.0.0.2');
    expect(clientOf(new Headers())).toBe('unknown');
  });
});
