import fc from 'fast-check';
import { inlineMarkdownToHtml, inlineMarkdownToPlain, isSafeUrl, markdownToHtml, markdownToPlain } from './emailMarkdown';
import { quoteUserText } from './reply';

/** The only tags the renderer writes itself. */
const OWN_TAGS = /<\/?(p|strong|em|code|ul|ol|li|br|a|pre|blockquote|hr|s|h[1-6]|table|thead|tbody|tr|th|td)( href="[^"]*")?>/g;

describe('markdownToHtml', () => {
  it('shows raw HTML in the markdown as text (HTML input is off)', () => {
    expect(markdownToHtml('Hi <script>alert(1)</script>\n\n<div onclick="x">block</div>')).toBe(
      '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;div onclick=&quot;x&quot;&gt;block&lt;/div&gt;</p>',
    );
  });

  it('writes an unsafe or relative link as "text (url)" and never fetches images', () => {
    expect(markdownToHtml('[click](javascript:alert(1))')).toBe('<p>click (javascript:alert(1))</p>');
    expect(markdownToHtml('[rules](/trade/rules)')).toBe('<p>rules (/trade/rules)</p>');
    expect(markdownToHtml('![x](https://evil.example/track.png)')).not.toMatch(/<img/);
  });

  it('never turns an address a person typed into a link', () => {
    const html = markdownToHtml(`You asked: ${quoteUserText('see www.evil.example or https://evil.example/x and me@evil.example')}`);
    expect(html).not.toMatch(/<a /);
    expect(html).toContain('www.evil.example');
  });

  it('escapes entities the markdown holds exactly once', () => {
    expect(markdownToHtml('&lt;b&gt; &amp;amp;')).toBe('<p>&lt;b&gt; &amp;amp;</p>');
  });

  it('joins the lines of a paragraph with <br>', () => {
    expect(markdownToHtml('one\ntwo')).toBe('<p>one<br>two</p>');
  });

  it('never lets text a person typed become markup, whatever they type', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (typed) => {
        const html = markdownToHtml(`You asked: ${quoteUserText(typed)}`);
        expect(html.replace(OWN_TAGS, '')).not.toMatch(/[<>]/);
        expect(html).not.toMatch(/<a /);
      }),
    );
  });
});

describe('markdownToPlain', () => {
  it('keeps links as "text (url)", a bare URL once, and drops emphasis marks', () => {
    expect(markdownToPlain('See [CBP](https://www.cbp.gov) or [https://www.cbp.gov](https://www.cbp.gov), **now**.')).toBe(
      'See CBP (https://www.cbp.gov) or https://www.cbp.gov, now.',
    );
  });

  it('lists items on their own lines, nested ones indented', () => {
    expect(markdownToPlain('Steps:\n\n1. One\n2. Two\n   - detail\n\nDone.')).toBe('Steps:\n\n1. One\n2. Two\n  - detail\n\nDone.');
  });

  it('keeps tables and quotes as text', () => {
    expect(markdownToPlain('> Quoted\n\n| Value | Duty |\n|---|---|\n| $80 | 10% |')).toBe('Quoted\n\nValue | Duty\n$80 | 10%');
  });

  it('shows what a person typed, once unescaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }).filter((s) => s.trim() === s && !/[\r\n\u2028\u2029]/.test(s) && s.length > 0), (typed) => {
        expect(inlineMarkdownToPlain(quoteUserText(typed))).toBe(typed);
      }),
    );
  });
});

describe('inline markdown', () => {
  it('renders a fact the same way as a paragraph, without the paragraph', () => {
    expect(inlineMarkdownToHtml('**$80** <b>')).toBe('<strong>$80</strong> &lt;b&gt;');
    expect(inlineMarkdownToPlain('**$80** &lt;b&gt;')).toBe('$80 <b>');
  });
});

describe('isSafeUrl', () => {
  it('allows http(s) and mailto only', () => {
    expect(['https://a.gov', 'HTTP://a.gov', 'mailto:x@a.gov'].every(isSafeUrl)).toBe(true);
    expect(['javascript:x', 'data:text/html,x', '/relative', 'ftp://a'].some(isSafeUrl)).toBe(false);
  });
});
