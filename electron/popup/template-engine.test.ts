import { describe, expect, it } from 'vitest';
import { compileTemplate, escapeHtml, TemplateError } from './template-engine.js';

const render = (source: string, data: object) => compileTemplate('t', source).render(data as never);

describe('template engine', () => {
  it('escapes every value', () => {
    expect(render('<p title="{{name}}">{{name}}</p>', { name: `<img src=x onerror=alert(1)>"'&` })).toBe(
      '<p title="&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;">&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;</p>',
    );
    expect(escapeHtml('`')).toBe('&#96;');
  });

  it('has no unescaped form: triple braces are plain text around an escaped value', () => {
    expect(render('{{{name}}}', { name: '<b>' })).toBe('{&#60;b&#62;}');
  });

  it('repeats sections over lists, resolving names against the item first', () => {
    const source = '{{#people}}<li data-i="{{index}}">{{name}} ({{team}})</li>{{/people}}';
    expect(
      render(source, {
        team: 'Desk',
        people: [
          { index: 0, name: 'A' },
          { index: 1, name: 'B', team: 'Ops' },
        ],
      }),
    ).toBe('<li data-i="0">A (Desk)</li><li data-i="1">B (Ops)</li>');
  });

  it('shows sections for present values and inverted sections for missing ones', () => {
    const source = '{{#company}}at {{company}}{{/company}}{{^company}}private{{/company}}';
    expect(render(source, { company: 'ACME' })).toBe('at ACME');
    expect(render(source, { company: '' })).toBe('private');
    expect(render(source, {})).toBe('private');
    expect(render('{{#a.b}}x{{a.b}}{{/a.b}}', { a: { b: 'y' } })).toBe('xy');
  });

  it('renders missing values as nothing', () => {
    expect(render('[{{nope}}][{{a.b.c}}]', { a: { b: 'text' } })).toBe('[][]');
  });

  it.each([
    ['<script>alert(1)</script>', /scripts/],
    ['<SCRIPT src=x></SCRIPT>', /scripts/],
    ['<iframe src="x"></iframe>', /frames/],
    ['<meta http-equiv="refresh" content="0;url=x">', /<meta>/],
    ['<base href="https://evil.example/">', /<base>/],
    ['<form action="x"><button>go</button></form>', /forms/],
    ['<img src="x" onerror="alert(1)">', /event handler/],
    ['<svg/onload=alert(1)>', /the element <svg> is not allowed/],
    // The bypass of the old pattern checks: a newline between the attributes.
    ['<img src=x\nonerror=alert(1)>', /event handler/],
    ['<img src=x\r\nOnError=alert(1)>', /event handler/],
    ['<div {{attributes}}>x</div>', /attribute "\{\{attributes\}\}" is not allowed/],
    ['<body onload=alert(1)>', /scripts, frames/],
    ['<p title="x', /ends inside a tag/],
    ['<a href="jav\tascript:alert(1)">x</a>', /javascript:/],
    ['<a href="&#106;avascript:alert(1)">x</a>', /javascript:/],
    ['<a href="//evil.example/">x</a>', /must name its scheme/],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', /the element <math> is not allowed/],
    ['<p onclick="{{x}}">x</p>', /event handler/],
    ['<blink>x</blink>', /the element <blink> is not allowed/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['<a href="java&#x73;cript:alert(1)">x</a>', /javascript:/],
    ['<a href=" jav&#09;ascript:alert(1)">x</a>', /javascript:/],
    ['<img src="data:image/svg+xml,x">', /data:/],
    ['<div style="background:url(https://evil.example/)">', /url\(\)/],
    ['<a href="https://crm.example/{{contact.id}}">x</a>', /URL or style attributes/],
    ['<p style="color:{{color}}">x</p>', /style attributes are not allowed/],
    ['<style>p { color: red }</style>', /styles are not allowed/],
    ['<p class={{name}}>x</p>', /inside quotes/],
    // Buttons: only type="button", never a form's or a popover's.
    ['<button>go</button>', /must say type="button"/],
    ['<button type="submit">go</button>', /must say type="button"/],
    ['<button type="{{kind}}">go</button>', /must say type="button"/],
    ['<button type="button" formaction="javascript:alert(1)">go</button>', /attribute "formaction"/],
    ['<button type="button" form="f" name="n" value="v">go</button>', /attribute "form"/],
    ['<button type="button" popovertarget="p">go</button>', /attribute "popovertarget"/],
    ['<button type="button" commandfor="d" command="show-modal">go</button>', /attribute "commandfor"/],
    ['<button type="button" onfocus="alert(1)" autofocus>go</button>', /event handler/],
    ['<input type="button" value="go">', /forms/],
  ])('refuses %s', (source, message) => {
    expect(() => compileTemplate('bad', source)).toThrow(TemplateError);
    expect(() => compileTemplate('bad', source)).toThrow(message);
  });

  it.each([
    ['{{#a}}x', /never closed/],
    ['{{#a}}x{{/b}}', /closes nothing/],
    ['{{/a}}', /closes nothing/],
    ['{{ oops', /malformed placeholder/],
  ])('refuses the malformed %s', (source, message) => {
    expect(() => compileTemplate('bad', source)).toThrow(message);
  });

  it('accepts what the bundled templates and ordinary markup use', () => {
    for (const source of [
      '<article class="rd-popup"><h2 class="rd-name" title="{{contact.name}}">{{contact.name}}</h2></article>',
      '<ul>{{#contacts}}<li class="rd-choice" data-contact-index="{{index}}">{{name}}</li>{{/contacts}}</ul>',
      '<ul>{{#contacts}}<li><button type="button" class="rd-choice" data-contact-index="{{index}}">{{name}}</button></li>{{/contacts}}</ul>',
      '<button type="BUTTON" aria-label="{{name}}">x</button>',
      '<p>Call <a href="https://intranet.example/phone">the intranet</a> or <a href="tel:+49211">us</a></p>',
      '<table><tr><th scope="row">Tel</th><td colspan="2">{{number.display}}</td></tr></table>',
      '<!-- a comment --><p aria-label="{{text.line}}">x</p>',
    ])
      expect(() => compileTemplate('good', source), source).not.toThrow();
  });
});
