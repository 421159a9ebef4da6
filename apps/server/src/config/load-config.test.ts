import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from './duration.js';
import { ConfigError, loadConfig } from './load-config.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'claraverse-config-'));
const secrets = { JWT_SECRET: 'a'.repeat(64), ENCRYPTION_MASTER_KEY: 'b'.repeat(64) };

describe('loadConfig', () => {
  it('uses the documented defaults: port 3001, SQLite in ./data, 15 min / 7 day tokens', () => {
    const config = loadConfig({ DATA_DIR: freshDir(), ...secrets });
    expect(config.http.port).toBe(3001);
    expect(config.database.dialect).toBe('sqlite');
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
    expect(config.auth.refreshTokenTtlSeconds).toBe(604_800);
    expect(config.rateLimit.enabled).toBe(true);
    expect(config.http.bodyLimitBytes).toBe(1_048_576);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('selects PostgreSQL from DATABASE_URL and parses durations and lists', () => {
    const config = loadConfig({
      ...secrets, DATA_DIR: freshDir(), DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', JWT_ACCESS_TOKEN_EXPIRY: '5m',
      JWT_REFRESH_TOKEN_EXPIRY: '168h', ALLOWED_ORIGINS: 'https://a.example, https://b.example', NODE_ENV: 'production',
    });
    expect(config.database).toMatchObject({ dialect: 'postgres', url: 'postgres://u:p@127.0.0.1:5432/db' });
    expect(config.auth.accessTokenTtlSeconds).toBe(300);
    expect(config.auth.refreshTokenTtlSeconds).toBe(604_800);
    expect(config.http.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('lists every invalid variable at once, with hints', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', ENCRYPTION_MASTER_KEY: 'short', DATABASE_URL: 'mysql://x', RATE_LIMIT_ENABLED: 'maybe', JWT_ACCESS_TOKEN_EXPIRY: 'soon' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'ENCRYPTION_MASTER_KEY', 'DATABASE_URL', 'RATE_LIMIT_ENABLED', 'JWT_ACCESS_TOKEN_EXPIRY']) expect(problems).toContain(name);
    expect(problems).toContain('openssl rand -hex 32');
  });

  it('refuses to start in production without JWT_SECRET and ENCRYPTION_MASTER_KEY', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: freshDir() })).toThrow(/JWT_SECRET[\s\S]*ENCRYPTION_MASTER_KEY/);
  });

  it('generates secrets once outside production and keeps them in DATA_DIR with mode 0600', () => {
    const dataDir = freshDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.auth.jwtSecret).toHaveLength(96);
    expect(first.crypto.masterKey).toHaveLength(32);
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
    const file = join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(first.auth.jwtSecret);
  });
});

describe('parseDurationSeconds', () => {
  it.each([['900', 900], ['30s', 30], ['15m', 900], ['168h', 604_800], ['7d', 604_800], ['0', null], ['1w', null], ['-5m', null]])(
    'parses %s as %s',
    (text, seconds) => expect(parseDurationSeconds(text)).toBe(seconds),
  );
});
