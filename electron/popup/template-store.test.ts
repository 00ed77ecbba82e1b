import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { bundledTemplatesDir, TEMPLATE_NAMES, TemplateStore } from './template-store.js';
import { templateData, type PopupSubject } from './popup-view.js';

const tempDir = useTempDir();
const defaults = bundledTemplatesDir();

const hostile: PopupSubject = {
  call: {
    callId: 'sim-1',
    direction: 'incoming',
    line: '12',
    state: 'ringing',
    startedAt: Date.UTC(2026, 0, 2, 9, 30),
  },
  number: {
    raw: '0211 5551234',
    e164: '+492115551234',
    display: '0211 5551234',
    kind: 'local',
    dialable: '05551234',
  },
  contacts: [
    {
      id: '1',
      name: '<img src=x onerror=alert(1)>',
      company: '<b>ACME</b>',
      email: '"quote"@example.com',
      department: null,
      title: null,
      directory: '<script>x</script>',
      phones: [{ type: 'work', e164: '+492115551234' }],
    },
  ],
  selected: null,
  failures: [{ directory: 'LDAP', error: '<i>unreachable</i>' }],
};

describe('TemplateStore', () => {
  it('bundles the four templates, all safe, each escaping a hostile contact', async () => {
    const store = new TemplateStore(defaults);
    for (const name of TEMPLATE_NAMES) {
      const html = (await store.get(name)).render(templateData(hostile, () => '10:30'));
      expect(html, name).not.toMatch(/<img|<script|<b>|<i>/);
    }
    const details = (await store.get('contact-details')).render(templateData(hostile, () => '10:30'));
    expect(details).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(details).toContain('LDAP: &#60;i&#62;unreachable&#60;/i&#62;');
  });

  it('prefers the user’s override and offers extra templates by name', async () => {
    const user = tempDir({
      'contact-details.html': '<p class="mine">{{contact.name}}</p>',
      'brief.html': '<p>{{number.display}}</p>',
    });
    const store = new TemplateStore(defaults, user);
    expect((await store.get('contact-details')).render({ contact: { name: 'Ann' } })).toBe(
      '<p class="mine">Ann</p>',
    );
    expect((await store.get('brief')).render({ number: { display: '0211' } })).toBe('<p>0211</p>');
    expect((await store.get('unknown-caller')).render({ caller: 'Unknown caller' })).toContain(
      'Unknown caller',
    );
  });

  it('loads templates by name only: no paths, no other files', async () => {
    const user = tempDir({ 'secret.txt': 'x' });
    const store = new TemplateStore(defaults, user);
    for (const name of ['../package', 'a/b', 'secret.txt', path.join(user, 'secret'), '', 'UPPER']) {
      await expect(store.get(name)).rejects.toThrow(/not a template name|no template called/);
    }
    await expect(store.get('nothing-here')).rejects.toThrow(/no template called "nothing-here"/);
  });

  it('refuses an override that breaks the rules, naming the reason', async () => {
    const user = tempDir({ 'contact-details.html': '<p onclick="steal()">{{contact.name}}</p>' });
    await expect(new TemplateStore(defaults, user).get('contact-details')).rejects.toThrow(/event handler/);
  });
});
