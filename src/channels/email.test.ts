import { emailHtml, emailText, markdownToHtml, markdownToPlain, renderEmailReply } from './email';
import { quoteUserText, type Reply } from './reply';

const answer: Reply = {
  kind: 'answer',
  title: 'Is duty-free de minimis still available?',
  markdown: '**No.** Since 29 Aug 2025, packages of any value owe duties.\n\n- Your carrier collects the duty.\n- See [CBP guidance](https://www.cbp.gov/trade/de-minimis).',
  sources: [
    { title: 'CBP: De minimis', url: 'https://www.cbp.gov/trade/de-minimis' },
    { title: 'Federal Register notice', url: 'https://www.federalregister.gov/d/2025-1' },
  ],
  reviewed: '2026-11-25',
  suggestions: [{ label: 'Check my shipment' }, { label: 'Postal duty', value: 'postal-duty' }],
};

describe('renderEmailReply', () => {
  it('sends plain text and an HTML body, with no cards or buttons', () => {
    const activity = renderEmailReply(answer);
    expect(activity.type).toBe('message');
    expect(activity.textFormat).toBe('plain');
    expect(activity.attachments).toBeUndefined();
    expect(activity.suggestedActions).toBeUndefined();
    expect(typeof (activity.channelData as { htmlBody: string }).htmlBody).toBe('string');
    expect((activity.channelData as { subject?: string }).subject).toBeUndefined();
    expect(renderEmailReply(answer, { subject: 'Your question' }).channelData).toMatchObject({ subject: 'Your question' });
  });

  it('writes the plain text body: answer, sources as "Title: URL", reviewed date, follow-ups as text', () => {
    expect(emailText(answer)).toBe(
      [
        'Is duty-free de minimis still available?',
        'No. Since 29 Aug 2025, packages of any value owe duties.',
        '- Your carrier collects the duty.\n- See CBP guidance (https://www.cbp.gov/trade/de-minimis).',
        'Sources:\nCBP: De minimis: https://www.cbp.gov/trade/de-minimis\nFederal Register notice: https://www.federalregister.gov/d/2025-1\nReviewed 25 Nov 2026',
        'You can also ask:\n- Check my shipment\n- Postal duty',
      ].join('\n\n'),
    );
  });

  it('writes simple HTML with links, a list, the citation and the follow-ups', () => {
    const html = emailHtml(answer);
    expect(html).toMatch(/^<html><body[^>]*>/);
    expect(html).toContain('<p><strong>No.</strong> Since 29 Aug 2025, packages of any value owe duties.</p>');
    expect(html).toContain('<ul><li>Your carrier collects the duty.</li><li>See <a href="https://www.cbp.gov/trade/de-minimis">CBP guidance</a>.</li></ul>');
    expect(html).toContain('Sources: <a href="https://www.cbp.gov/trade/de-minimis">CBP: De minimis</a> · <a href="https://www.federalregister.gov/d/2025-1">Federal Register notice</a>');
    expect(html).toContain('Reviewed 25 Nov 2026');
    expect(html).toContain('<p>You can also ask:</p>\n<ul><li>Check my shipment</li><li>Postal duty</li></ul>');
  });
});

describe('escaping', () => {
  it('escapes a <script> in a title, the text, a source and a suggestion', () => {
    const hostile: Reply = {
      kind: 'answer',
      title: '<script>alert(1)</script>',
      markdown: 'You asked: ' + quoteUserText('<img src=x onerror=alert(1)> & "more"'),
      sources: [{ title: '<b>bold</b>', url: 'https://example.gov/?a=1&b="2"' }],
      suggestions: [{ label: '<i>x</i>' }],
    };
    const html = emailHtml(hostile);
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('You asked: &lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;');
    expect(html).toContain('href="https://example.gov/?a=1&amp;b=&quot;2&quot;"');
    // Plain text shows what the person typed, once unescaped, never as entities.
    expect(emailText(hostile)).toContain('You asked: <img src=x onerror=alert(1)> & "more"');
  });

  it('keeps links only for http(s) and mailto URLs', () => {
    expect(markdownToHtml('[click](javascript:alert(1))')).not.toContain('href');
    expect(markdownToHtml('[mail us](mailto:ecommerce@cbp.dhs.gov)')).toContain('<a href="mailto:ecommerce@cbp.dhs.gov">mail us</a>');
  });
});

describe('markdown conversion', () => {
  it('handles headings, numbered lists, escapes and snake_case', () => {
    const md = '## Next steps\n\n1. Find the invoice\n2. Call the carrier\n\nA \\*literal\\* star and de_minimis_rule and *emphasis*.';
    expect(markdownToPlain(md)).toBe('Next steps\n\n1. Find the invoice\n2. Call the carrier\n\nA *literal* star and de_minimis_rule and emphasis.');
    expect(markdownToHtml(md)).toBe(
      '<p><strong>Next steps</strong></p>\n<ol><li>Find the invoice</li><li>Call the carrier</li></ol>\n<p>A *literal* star and de_minimis_rule and <em>emphasis</em>.</p>',
    );
  });
});

describe('feedback by email', () => {
  test('"Helpful / Not helpful" is asked in words, not listed as questions to ask', () => {
    const reply = {
      kind: 'answer' as const,
      markdown: 'Gifts up to $100 are duty-free.',
      suggestions: [{ label: 'Traveler allowance' }, { label: 'Helpful', role: 'feedback' as const }, { label: 'Not helpful', role: 'feedback' as const }],
    };
    const text = emailText(reply);
    expect(text).toContain('You can also ask:\n- Traveler allowance');
    expect(text).not.toMatch(/- Helpful/);
    expect(text).toContain('Did this answer help? Reply "Helpful" or "Not helpful".');
    expect(emailHtml(reply)).toContain('Did this answer help? Reply &quot;Helpful&quot; or &quot;Not helpful&quot;.');
  });
});
