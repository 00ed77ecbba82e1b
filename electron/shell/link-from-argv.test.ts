import { describe, expect, it } from 'vitest';
import { linkFromArgv, linkFromSecondInstance, secondInstanceData } from './link-from-argv.js';

describe('linkFromArgv', () => {
  it('takes the one link after the -- guard (Windows/Linux cold start and second instance)', () => {
    expect(linkFromArgv(['C:\\Ringdesk\\Ringdesk.exe', '--', 'tel:+49-211-5551234'])).toBe(
      'tel:+49-211-5551234',
    );
    expect(linkFromArgv(['/usr/bin/electron', '/app', '--', 'CALLTO://+4921155512'])).toBe(
      'CALLTO://+4921155512',
    );
    expect(linkFromArgv(['ringdesk', '--allow-file-access', '--', 'phone:0211 5551234'])).toBe(
      'phone:0211 5551234',
    );
  });

  it('ignores a link without the guard, and anything but exactly one link after it', () => {
    expect(linkFromArgv(['ringdesk', 'tel:123'])).toBeNull();
    expect(linkFromArgv(['ringdesk', '--'])).toBeNull();
    expect(linkFromArgv(['ringdesk', '--', 'tel:123', '--gpu-launcher=calc'])).toBeNull();
    expect(linkFromArgv(['ringdesk', '--', '--inspect'])).toBeNull();
    expect(linkFromArgv(['ringdesk', '--', 'https://evil.example/'])).toBeNull();
  });

  it('passes a CVE-2018-1000006 style link on whole, for the strict parser to refuse', () => {
    expect(linkFromArgv(['ringdesk', '--', 'tel:1" --gpu-launcher="cmd" --'])).toBe(
      'tel:1" --gpu-launcher="cmd" --',
    );
  });
});

describe('linkFromSecondInstance', () => {
  it('reads the link the second instance sent, whatever Chromium made of its argv', () => {
    const data = secondInstanceData(['Ringdesk.exe', '--', 'tel:+49-211-5551234']);
    expect(data).toEqual({ link: 'tel:+49-211-5551234' });
    // Chromium's re-parsed command line: its switches inserted, the -- consumed.
    const forwarded = ['Ringdesk.exe', '--allow-file-access-from-files', 'tel:+49-211-5551234'];
    expect(linkFromArgv(forwarded)).toBeNull();
    expect(linkFromSecondInstance(forwarded, data)).toBe('tel:+49-211-5551234');
  });

  it('falls back to argv when no data came, and checks the data as strictly as argv', () => {
    const argv = ['ringdesk', '--', 'tel:0211-5551111'];
    expect(linkFromSecondInstance(argv, null)).toBe('tel:0211-5551111');
    expect(linkFromSecondInstance(argv, { link: null })).toBe('tel:0211-5551111');
    expect(linkFromSecondInstance(argv, { link: 'javascript:alert(1)' })).toBe('tel:0211-5551111');
    expect(linkFromSecondInstance(argv, { link: `tel:${'1'.repeat(2050)}` })).toBe('tel:0211-5551111');
    expect(linkFromSecondInstance(['ringdesk'], { link: 42 })).toBeNull();
    expect(linkFromSecondInstance(['ringdesk'], Object.create({ link: 'tel:1' }))).toBeNull();
  });
});
