/**
 * Which view a window shows, from its URL's hash: `#popup`, `#calls`, `#settings`, `#wizard`,
 * `#confirm`, else all.
 */
import type { AppView } from './app.js';

const VIEWS: readonly AppView[] = ['popup', 'calls', 'settings', 'wizard', 'confirm'];

export function viewOf(hash: string): AppView {
  const name = hash.replace(/^#\/?/, '');
  return VIEWS.find((view) => view === name) ?? 'all';
}
