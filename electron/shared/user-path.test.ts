import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveUserPath, startsAtHome } from './user-path.js';

describe('resolveUserPath', () => {
  const home = path.resolve('/home/anna');
  const folder = path.resolve('/etc/ringdesk');

  it('expands ~ to the home folder, in either slash', () => {
    expect(resolveUserPath(folder, '~', home)).toBe(home);
    expect(resolveUserPath(folder, '~/Documents/book.csv', home)).toBe(
      path.join(home, 'Documents', 'book.csv'),
    );
    expect(resolveUserPath(folder, '~\\book.csv', home)).toBe(path.join(home, 'book.csv'));
  });

  it('reads other paths from the settings file’s folder, and leaves ~user and a ~ inside a name alone', () => {
    expect(resolveUserPath(folder, 'book.csv', home)).toBe(path.join(folder, 'book.csv'));
    expect(resolveUserPath(folder, '~bob/book.csv', home)).toBe(path.join(folder, '~bob', 'book.csv'));
    expect(resolveUserPath(folder, 'a~/b.csv', home)).toBe(path.join(folder, 'a~', 'b.csv'));
    expect(startsAtHome('~bob')).toBe(false);
  });
});
