// The benchmark's pure helpers. No timing here: npm test must not depend on the machine's speed.
import { describe, expect, it } from 'vitest';
import { sessionCookieOf } from './shared';
import { cpuPerRequest, formatMarkdownTable, formatTextTable, goodRps, judge, kB, loadIsClean, mean, mergeSegments, percentile, scriptUrlsOf, shortfall, summarize, type Row, type Segment } from './stats';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
  });

  it('does not depend on the order of the samples and leaves them alone', () => {
    const xs = [30, 10, 20];
    expect(percentile(xs, 50)).toBe(20);
    expect(xs).toEqual([30, 10, 20]);
  });

  it('gives the single sample, NaN for none, and refuses p outside 0..100', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('p95 of 20 samples is the 19th smallest', () => {
    const xs = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(xs, 95)).toBe(190);
  });
});

describe('summaries', () => {
  it('summarizes latencies', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(summarize([5, 1, 3])).toEqual({ samples: 3, meanMs: 3, p50Ms: 3, p95Ms: 5, p99Ms: 5, maxMs: 5 });
  });

  it('counts only good answers in requests per second', () => {
    expect(goodRps({ requests: 1000, non2xx: 0, mismatches: 0, durationS: 10 })).toBe(100);
    expect(goodRps({ requests: 1000, non2xx: 400, mismatches: 100, durationS: 10 })).toBe(50);
    expect(goodRps({ requests: 10, non2xx: 0, mismatches: 0, durationS: 0 })).toBe(0);
  });

  it('a run is clean only when every answer was the expected page', () => {
    const ok = { requests: 10, non2xx: 0, errors: 0, timeouts: 0, mismatches: 0 };
    expect(loadIsClean(ok)).toBe(true);
    expect(loadIsClean({ ...ok, requests: 0 })).toBe(false);
    expect(loadIsClean({ ...ok, non2xx: 1 })).toBe(false);
    expect(loadIsClean({ ...ok, mismatches: 1 })).toBe(false);
    expect(loadIsClean({ ...ok, errors: 1 })).toBe(false);
  });

  it('sizes in kB of 1000 bytes', () => {
    expect(kB(250_000)).toBe(250);
    expect(kB(1234)).toBe(1.2);
  });
});

describe('mergeSegments', () => {
  const seg = (over: Partial<Segment>): Segment => ({
    url: 'http://localhost:3300/?range=52w', connections: 50, durationS: 5, requests: 500, rps: 100, non2xx: 0, errors: 0, timeouts: 0,
    mismatches: 0, bodyBytes: 1000, generatorCpuPct: 40, latencies: [10, 20], ...summarize([10, 20]), ...over,
  });

  it('adds up answers and time, and takes percentiles over every latency', () => {
    const merged = mergeSegments([seg({}), seg({ requests: 1500, durationS: 5, non2xx: 100, errors: 2, timeouts: 1, generatorCpuPct: 60, latencies: [30, 40, 50] })]);
    expect(merged.requests).toBe(2000);
    expect(merged.durationS).toBe(10);
    expect(merged.rps).toBe(190);
    expect(merged.non2xx).toBe(100);
    expect(merged.errors).toBe(2);
    expect(merged.timeouts).toBe(1);
    expect(merged.generatorCpuPct).toBe(50);
    expect(merged.samples).toBe(5);
    expect(merged.p50Ms).toBe(30);
    expect(merged.maxMs).toBe(50);
  });

  it('adds up server CPU and divides it by the good answers', () => {
    const merged = mergeSegments([seg({ serverCpuMs: 300 }), seg({ serverCpuMs: 500, requests: 300 })]);
    expect(merged.serverCpuMs).toBe(800);
    expect(merged.serverCpuMsPerRequest).toBe(1);
    expect(mergeSegments([seg({ serverCpuMs: 300 }), seg({ serverCpuMs: null })]).serverCpuMsPerRequest).toBeNull();
    expect(cpuPerRequest(100, 0)).toBeNull();
    expect(cpuPerRequest(100, 3)).toBe(33.333);
  });

  it('refuses nothing to merge', () => {
    expect(() => mergeSegments([])).toThrow(RangeError);
  });
});

describe('targets', () => {
  const atLeast = { label: '>= 1000', op: '>=' as const, limit: 1000 };
  const atMost = { label: '<= 60 ms', op: '<=' as const, limit: 60 };

  it('judges both directions, inclusive', () => {
    expect(judge(1000, atLeast)).toBe('pass');
    expect(judge(999, atLeast)).toBe('miss');
    expect(judge(60, atMost)).toBe('pass');
    expect(judge(61, atMost)).toBe('miss');
  });

  it('is n/a without a value or a target', () => {
    expect(judge(null, atLeast)).toBe('n/a');
    expect(judge(Number.NaN, atLeast)).toBe('n/a');
    expect(judge(5, undefined)).toBe('n/a');
  });

  it('says by how much a target is missed', () => {
    expect(shortfall(250, atLeast)).toBe('750 short (4× needed)');
    expect(shortfall(120, atMost)).toBe('60 over (2× the limit)');
    expect(shortfall(2000, atLeast)).toBe('');
    expect(shortfall(60.05, atMost)).toBe('0.05 over (1× the limit)');
  });
});

describe('tables', () => {
  const rows: Row[] = [
    { id: 'a', label: 'dashboard req/s', value: 1234.5, unit: 'req/s', target: { label: '>= 1000', op: '>=', limit: 1000 } },
    { id: 'b', label: 'p99 | tail', value: 75, unit: 'ms', target: { label: '<= 60 ms', op: '<=', limit: 60 } },
    { id: 'c', label: 'share req/s', value: null, unit: 'req/s', note: 'not available' },
  ];

  it('prints markdown with pass, miss and n/a, escaping pipes', () => {
    const md = formatMarkdownTable(rows).split('\n');
    expect(md[0]).toBe('| figure | value | target | result | note |');
    expect(md[2]).toBe('| dashboard req/s | 1235 req/s | >= 1000 | pass |  |');
    expect(md[3]).toBe('| p99 \\| tail | 75 ms | <= 60 ms | **miss** | 15 over (1.25× the limit) |');
    expect(md[4]).toBe('| share req/s | not measured |  | n/a | not available |');
  });

  it('prints aligned text', () => {
    const lines = formatTextTable(rows).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain('PASS');
    expect(lines[3]).toContain('MISS');
    expect(lines[2].indexOf('1235')).toBe(lines[0].indexOf('value'));
  });
});

describe('scriptUrlsOf', () => {
  it('lists the JS a page loads, once each, without nomodule polyfills or other hosts', () => {
    const html = [
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/s.css"/>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="/_next/static/chunks/poly.js" noModule=""></script>',
      '<script src="https://cdn.example.com/x.js"></script>',
      '<script>self.__next_f.push([1,"1e:\\"/_next/static/chunks/c.js\\"\\n"])</script>',
    ].join('');
    expect(scriptUrlsOf(html)).toEqual({
      urls: ['/_next/static/chunks/a.js', '/_next/static/chunks/b.js', '/_next/static/chunks/c.js'],
      noModule: ['/_next/static/chunks/poly.js'],
    });
  });
});

describe('sessionCookieOf', () => {
  it('picks the session cookie out of a combined Set-Cookie header', () => {
    const header = '__Host-weekline.session_data=x; Path=/; Secure, __Host-weekline.session=abc.def%3D; Max-Age=7200; Path=/; HttpOnly; Secure; SameSite=Lax';
    expect(sessionCookieOf(header, '__Host-weekline.session')).toBe('__Host-weekline.session=abc.def%3D');
    expect(sessionCookieOf(header, 'other')).toBeNull();
    expect(sessionCookieOf(null, '__Host-weekline.session')).toBeNull();
  });
});
