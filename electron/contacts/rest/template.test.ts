import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  insertVerbatim,
  placeholdersOf,
  TemplateError,
  unknownPlaceholders,
} from './template.js';

describe('placeholders in URLs and bodies', () => {
  it('URL-encodes every value, so none can add a parameter, a fragment or a path', () => {
    const url = fillTemplate(
      'https://h.example/search?q={{q}}&limit=5',
      { q: 'a&limit=9999#/../admin +1' },
      'url',
    );
    expect(url).toBe('https://h.example/search?q=a%26limit%3D9999%23%2F..%2Fadmin%20%2B1&limit=5');
    expect(new URL(url).searchParams.get('q')).toBe('a&limit=9999#/../admin +1');
    expect(new URL(url).searchParams.get('limit')).toBe('5');
  });

  it('JSON-escapes values in a body, so none can leave its string', () => {
    const body = fillTemplate('{"phone": "{{p}}"}', { p: '"}, "admin": true, "x": "\\\n' }, 'json');
    expect(JSON.parse(body)).toEqual({ phone: '"}, "admin": true, "x": "\\\n' });
  });

  it('accepts spaces inside the braces and lists what a template uses', () => {
    expect(fillTemplate('{{ number.e164 }}', { 'number.e164': '+49' }, 'url')).toBe('%2B49');
    expect(placeholdersOf('{{a}}/{{b.c}}?{{a}}')).toEqual(['a', 'b.c']);
    expect(unknownPlaceholders('{{number.e164}} {{number.phone}}', ['number.e164'])).toEqual([
      'number.phone',
    ]);
  });

  it('refuses a placeholder it cannot fill', () => {
    expect(() => fillTemplate('https://h/{{contact.id}}', {}, 'url')).toThrow(TemplateError);
    expect(() => fillTemplate('https://h/{{contact.id}}', {}, 'url')).toThrow(
      'unknown placeholder {{contact.id}}',
    );
  });

  it('writes the base address in as is and leaves the other placeholders', () => {
    expect(insertVerbatim('{{base}}/api?q={{q}}', 'base', 'https://h.example/zammad')).toBe(
      'https://h.example/zammad/api?q={{q}}',
    );
  });
});
