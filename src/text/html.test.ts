import fc from 'fast-check';
import { decodeHtmlEntities, escapeHtml } from './html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
  });

  it('escapes an ampersand once, even in an entity', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });

  it('leaves other text alone', () => {
    expect(escapeHtml('Gifts up to $100 · ünïcode')).toBe('Gifts up to $100 · ünïcode');
  });
});

describe('decodeHtmlEntities', () => {
  it('undoes escapeHtml for any text', () => {
    fc.assert(fc.property(fc.string(), (text) => expect(decodeHtmlEntities(escapeHtml(text))).toBe(text)));
  });

  it('decodes once: an escaped entity stays an entity', () => {
    expect(decodeHtmlEntities('&lt;b&gt; &amp;amp; &#39;x&#39; &nbsp;')).toBe("<b> &amp; 'x' &nbsp;");
  });
});
