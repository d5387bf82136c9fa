import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonScript, trustedHtml } from './html.js';

describe('html', () => {
  it('escapes every interpolated string, also inside arrays', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<p title="${'"x" & \'y\''}">${name}${['<b>', [1, null, undefined, false]]}</p>`.text;
    expect(out).toBe('<p title="&quot;x&quot; &amp; &#39;y&#39;">&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;1</p>');
  });

  it('passes Html through unchanged, so templates compose without double escaping', () => {
    const inner = html`<i>${'a<b'}</i>`;
    expect(html`<p>${inner}${trustedHtml('<br>')}</p>`.text).toBe('<p><i>a&lt;b</i><br></p>');
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('jsonScript', () => {
  it('embeds data no string can break out of, and that parses back to the same value', () => {
    const data = { name: '</script><script>alert(1)</script>', comment: '<!-- x -->', line: 'a\u2028b' };
    const out = jsonScript('data', data).text;
    expect(out.match(/<\/script/gi)).toHaveLength(1);
    expect(out).not.toContain('<!--');
    const body = out.slice(out.indexOf('>') + 1, out.lastIndexOf('</script>'));
    expect(JSON.parse(body)).toEqual(data);
  });
});
