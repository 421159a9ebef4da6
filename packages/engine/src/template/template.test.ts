import { describe, expect, it } from 'vitest';
import { collectTemplatePaths, compileTemplate, compileValue, parsePath, renderTemplate, resolvePath } from './template.js';

const scope = {
  input: { email: 'ada@example.test', tags: ['a', 'b'], count: 3 },
  'news-researcher': { response: { articles: [{ title: 'First' }, { title: 'Second' }] } },
  ratio: 2.5,
  whole: 4,
  flag: false,
  nothing: null,
};

describe('parsePath', () => {
  it('splits dot paths and array indexes, keeping hyphenated block ids whole', () => {
    expect(parsePath('news-researcher.response.articles[1].title')).toEqual(['news-researcher', 'response', 'articles', 1, 'title']);
    expect(parsePath('matrix[0][2]')).toEqual(['matrix', 0, 2]);
  });

  it('rejects malformed paths', () => {
    expect(parsePath('a..b')).toBeUndefined();
    expect(parsePath('a[x]')).toBeUndefined();
    expect(parsePath('[0]')).toBeUndefined();
  });
});

describe('templates', () => {
  it('substitutes a whole-value placeholder keeping its type', () => {
    expect(renderTemplate('{{input.tags}}', scope)).toEqual(['a', 'b']);
    expect(renderTemplate('  {{ input.count }} ', scope)).toBe(3);
    expect(renderTemplate('{{flag}}', scope)).toBe(false);
    expect(renderTemplate('{{nothing}}', scope)).toBeNull();
  });

  it('prints values inside text: JSON for objects, plain numbers, indexes into arrays', () => {
    expect(renderTemplate('To {{input.email}}: {{news-researcher.response.articles[1].title}}', scope)).toBe('To ada@example.test: Second');
    expect(renderTemplate('tags={{input.tags}} n={{whole}} r={{ratio}}', scope)).toBe('tags=["a","b"] n=4 r=2.5');
  });

  it('leaves unresolved placeholders verbatim', () => {
    expect(renderTemplate('{{missing.path}}', scope)).toBe('{{missing.path}}');
    expect(renderTemplate('Hi {{input.name}} ({{input.email}})', scope)).toBe('Hi {{input.name}} (ada@example.test)');
    expect(renderTemplate('{{input.tags[5]}}', scope)).toBe('{{input.tags[5]}}');
  });

  it('does not read inherited properties', () => {
    expect(resolvePath(scope, 'input.constructor')).toBeUndefined();
    expect(resolvePath(scope, 'input.email.length')).toBeUndefined();
  });

  it('compiles a string without placeholders to nothing', () => {
    expect(compileTemplate('plain text')).toBeUndefined();
  });
});

describe('compileValue', () => {
  it('renders nested objects and arrays, leaving raw keys alone', () => {
    const config = { expression: '{{not a template}}', mapping: { to: '{{input.email}}', list: ['{{whole}}', 'x'] } };
    const render = compileValue(config, new Set(['expression']))!;
    expect(render(scope)).toEqual({ expression: '{{not a template}}', mapping: { to: 'ada@example.test', list: [4, 'x'] } });
  });

  it('returns nothing for a config without templates, so the config object is reused', () => {
    expect(compileValue({ a: 1, b: ['x', { c: 'y' }] })).toBeUndefined();
  });

  it('collects placeholder paths for validation, skipping raw keys', () => {
    const paths = collectTemplatePaths({ expression: '{{skip}}', text: 'a {{one.x}} b {{two}}' }, new Set(['expression']));
    expect(paths.map((path) => path.path)).toEqual(['one.x', 'two']);
  });
});
