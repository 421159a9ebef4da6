import { describe, expect, it } from 'vitest';
import { createServiceUrlMapper } from './service-url.js';

describe('createServiceUrlMapper', () => {
  it('redirects a documented base URL and keeps path and query', () => {
    const map = createServiceUrlMapper({ 'https://api.github.com': 'http://127.0.0.1:4100' });
    expect(map('https://api.github.com/repos/a/b?page=2')).toBe('http://127.0.0.1:4100/repos/a/b?page=2');
    expect(map('https://api.github.com')).toBe('http://127.0.0.1:4100');
    expect(map('https://api.github.com?x=1')).toBe('http://127.0.0.1:4100?x=1');
  });

  it('matches whole path segments only, so a look-alike host is not redirected', () => {
    const map = createServiceUrlMapper({ 'https://api.github.com': 'http://127.0.0.1:4100' });
    expect(map('https://api.github.com.evil.test/repos')).toBe('https://api.github.com.evil.test/repos');
    expect(map('https://uploads.github.com/x')).toBe('https://uploads.github.com/x');
  });

  it('uses the longest matching prefix and ignores trailing slashes in the map', () => {
    const map = createServiceUrlMapper({ 'https://gitlab.com/': 'http://127.0.0.1:1/', 'https://gitlab.com/api/v4': 'https://git.example.org/api/v4/' });
    expect(map('https://gitlab.com/api/v4/projects')).toBe('https://git.example.org/api/v4/projects');
    expect(map('https://gitlab.com/oauth/token')).toBe('http://127.0.0.1:1/oauth/token');
  });

  it('returns URLs unchanged with an empty map', () => {
    expect(createServiceUrlMapper({})('https://api.notion.com/v1/search')).toBe('https://api.notion.com/v1/search');
  });
});
