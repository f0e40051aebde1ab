import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('parseEnv', () => {
  it('fills defaults and treats empty variables as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_PATH: undefined })).toMatchObject({ PORT: 3000, DATABASE_PATH: 'data/weekline.db', DEMO_DATA: '1' });
    expect(parseEnv({ WEEK_NUMBERING: 'iso', PORT: '8080' })).toMatchObject({ WEEK_NUMBERING: 'iso', PORT: 8080 });
  });

  it('names the variable and never echoes a secret', () => {
    expect(() => parseEnv({ PORT: '99999' })).toThrow(new ConfigError('PORT must be a port number from 1 to 65535 (got "99999").'));
    expect(() => parseEnv({ ADMIN_PASSWORD: 'short' })).toThrow(new ConfigError('ADMIN_PASSWORD must be at least 12 characters.'));
  });

  it('takes TRUST_PROXY as a hop count from 0 to 5, default 0', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    for (const bad of ['6', '-1', '1.5', 'yes', 'true']) {
      expect(() => parseEnv({ TRUST_PROXY: bad })).toThrow(new ConfigError(`TRUST_PROXY must be the number of reverse proxies in front of Weekline, a whole number from 0 to 5 (got "${bad}").`));
    }
  });

  it('WEBHOOK_ALLOW_HOSTS: comma-separated host names, lower-cased; anything else is refused', () => {
    expect(parseEnv({}).WEBHOOK_ALLOW_HOSTS).toEqual([]);
    expect(parseEnv({ WEBHOOK_ALLOW_HOSTS: ' 127.0.0.1, Hooks.Example.com ,' }).WEBHOOK_ALLOW_HOSTS).toEqual(['127.0.0.1', 'hooks.example.com']);
    for (const bad of ['http://hooks.example.com', 'hooks.example.com/path', 'host:8080', 'a b']) {
      expect(() => parseEnv({ WEBHOOK_ALLOW_HOSTS: bad }), bad).toThrow(/WEBHOOK_ALLOW_HOSTS must be comma-separated host names/);
    }
  });
});
