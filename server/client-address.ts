// Stamps every request with the client's address before Next sees it. Only Node's HTTP server knows the
// socket, so Server.prototype.emit is wrapped for 'request' events (installed once from instrumentation.ts,
// which runs under `next start` and under a custom server alike). Whatever the client sent in
// CLIENT_HEADER is overwritten.
import http from 'node:http';
import https from 'node:https';
import { CLIENT_HEADER, clientAddress } from '@/lib/client-address';

const HOOK = Symbol.for('weekline.client-address');

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
type Patched = { emit: Emit; [HOOK]?: { trustProxy: number } };

export function installClientAddressHook(trustProxy: number): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Patched[]) {
    const existing = proto[HOOK];
    if (existing) {
      existing.trustProxy = trustProxy;
      continue;
    }
    const state = { trustProxy };
    const original = proto.emit;
    proto.emit = function emit(this: unknown, event, ...args) {
      if (event === 'request') {
        const req = args[0] as http.IncomingMessage;
        req.headers[CLIENT_HEADER] = clientAddress({ socket: req.socket?.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], trustProxy: state.trustProxy });
      }
      return original.call(this, event, ...args);
    };
    proto[HOOK] = state;
  }
}
