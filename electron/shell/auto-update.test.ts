import type { AppUpdater } from 'electron-updater';
import { describe, expect, it } from 'vitest';
import { FakeInterval, FakeUpdater } from '../test-support/fake-updater.js';
import { AutoUpdate, UPDATE_CHECK_INTERVAL_MS, type UpdaterLike } from './auto-update.js';

const FEED = 'https://updates.example.com/ringdesk/';

function rig(options: { isPackaged?: boolean } = {}) {
  const updater = new FakeUpdater();
  const interval = new FakeInterval();
  const warnings: string[] = [];
  const downloaded: string[] = [];
  const auto = new AutoUpdate({
    updater,
    isPackaged: options.isPackaged ?? true,
    warn: (message) => warnings.push(message),
    onDownloaded: (version) => downloaded.push(version),
    every: interval.every,
  });
  return { updater, interval, warnings, downloaded, auto };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AutoUpdate', () => {
  it('electron-updater’s autoUpdater fits the updater it drives', () => {
    const fits = (updater: AppUpdater): UpdaterLike => updater;
    expect(typeof fits).toBe('function');
  });

  it('checks the generic feed at once and then every four hours, downloading and installing at quit', () => {
    const { updater, interval, auto } = rig();
    expect(auto.apply(FEED)).toEqual({ active: true, feedUrl: FEED });
    expect(updater.feeds).toEqual([FEED]);
    expect(updater.checks).toBe(1);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(interval.intervals).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(4 * 3_600_000);
  });

  it('runs a periodic check after the previous one finished', async () => {
    const { updater, interval, auto } = rig();
    auto.apply(FEED);
    await settle();
    interval.fire();
    expect(updater.checks).toBe(2);
  });

  it('does nothing in a development build, not even set the feed', () => {
    const { updater, interval, auto } = rig({ isPackaged: false });
    expect(auto.apply(FEED)).toEqual({ active: false, reason: 'not packaged: updates are off' });
    expect(updater.feeds).toEqual([]);
    expect(updater.checks).toBe(0);
    expect(interval.intervals).toEqual([]);
  });

  it('does nothing without a feed URL in the settings', () => {
    const { updater, interval, auto } = rig();
    expect(auto.apply(undefined)).toMatchObject({
      active: false,
      reason: expect.stringMatching(/updateFeedUrl/) as unknown,
    });
    expect(updater.checks).toBe(0);
    expect(interval.intervals).toEqual([]);
  });

  it('reports a failed check once as a warning and tries again at the next interval', async () => {
    const { updater, interval, warnings, auto } = rig();
    updater.failChecksWith(new Error('net::ERR_NAME_NOT_RESOLVED'));
    auto.apply(FEED);
    await settle();
    expect(warnings).toEqual(['update check failed: net::ERR_NAME_NOT_RESOLVED']);
    interval.fire();
    await settle();
    expect(updater.checks).toBe(2);
    expect(warnings).toHaveLength(2);
  });

  it('never starts a second check while one is still running', async () => {
    const { updater, interval, auto } = rig();
    updater.failChecksWith('hang');
    auto.apply(FEED);
    interval.fire();
    interval.fire();
    await settle();
    expect(updater.checks).toBe(1);
  });

  it('follows the settings: a new feed is set and checked at once, removing it stops the checks', async () => {
    const { updater, interval, auto } = rig();
    auto.apply(FEED);
    await settle();
    expect(auto.apply(FEED)).toEqual({ active: true, feedUrl: FEED });
    expect(updater.checks).toBe(1);
    auto.apply('https://mirror.example.org/ringdesk/');
    expect(updater.feeds).toEqual([FEED, 'https://mirror.example.org/ringdesk/']);
    expect(updater.checks).toBe(2);
    expect(interval.intervals).toHaveLength(1);
    expect(updater.listenerCount('error')).toBe(1);
    auto.apply(undefined);
    interval.fire();
    expect(updater.checks).toBe(2);
    expect(interval.intervals).toEqual([]);
  });

  it('refuses a feed that is not https or carries credentials, with a warning, and checks nothing', () => {
    const { updater, warnings, auto } = rig();
    expect(auto.apply('http://updates.example.com/')).toMatchObject({ active: false });
    expect(auto.apply('https://user:secret@updates.example.com/')).toMatchObject({ active: false });
    expect(auto.apply('not a url')).toMatchObject({ active: false });
    expect(updater.feeds).toEqual([]);
    expect(updater.checks).toBe(0);
    expect(warnings).toEqual([
      'updates are off: the update feed must be an https:// URL, not http:',
      'updates are off: the update feed URL must not carry a user name or password',
      'updates are off: the update feed "not a url" is not a URL',
    ]);
  });

  it('says when a release is downloaded and will be installed at quit', () => {
    const { updater, downloaded, auto } = rig();
    auto.apply(FEED);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(downloaded).toEqual(['0.2.0']);
  });

  it('stops checking when stopped', () => {
    const { updater, interval, auto } = rig();
    auto.apply(FEED);
    auto.stop();
    interval.fire();
    expect(updater.checks).toBe(1);
  });
});
