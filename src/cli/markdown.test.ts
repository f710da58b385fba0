import { renderMarkdown, terminalStyle } from './markdown';

const plain = (width: number) => ({ width, color: false });
const lines = (text: string) => text.split('\n');

describe('renderMarkdown (terminal)', () => {
  test('bold is bold with colour, plain text without; the asterisks never show', () => {
    expect(renderMarkdown('**Yes.** It is duty free.', plain(80))).toBe('Yes. It is duty free.');
    expect(renderMarkdown('**Yes.** It is *free*.', { width: 80, color: true })).toBe('\u001b[1mYes.\u001b[22m It is \u001b[3mfree\u001b[23m.');
  });

  test('lines wrap at word boundaries within the width, never mid-word', () => {
    const text = 'Informal entry covers shipments worth up to $2,500. Above that, you need a formal entry (type 01). This limit did not change in 2025 or 2026.';
    const out = renderMarkdown(text, plain(40));
    for (const line of lines(out)) expect(line.length).toBeLessThanOrEqual(40);
    const words = text.split(' ');
    expect(out.split(/\s+/)).toEqual(words); // every word whole, in order
  });

  test('lists: bullets and numbers with hanging indents; bold inside an item is rendered', () => {
    const out = renderMarkdown('**What this means for you**\n- Courier and cargo shipments up to $2,500 can use an electronic informal entry.\n- **Mail** too.\n\n1. first\n2. second', plain(40));
    expect(lines(out)).toEqual([
      'What this means for you',
      '',
      '• Courier and cargo shipments up to',
      '  $2,500 can use an electronic informal',
      '  entry.',
      '• Mail too.',
      '',
      '1. first',
      '2. second',
    ]);
  });

  test('links show their text and URL; a long URL overflows its line rather than being broken', () => {
    const url = 'https://www.govregs.com/regulations/expand/title19_chapterI-i1_part143_subpartC_section143.26';
    const out = renderMarkdown(`Sources: [19 CFR part 143](${url}) · Reviewed 25 Nov 2026`, plain(40));
    expect(out).toContain(`(${url})`);
    expect(out.replace(/\n/g, ' ')).toBe(`Sources: 19 CFR part 143 (${url}) · Reviewed 25 Nov 2026`);
    expect(renderMarkdown('Write to <ecommerce@cbp.dhs.gov> or https://www.cbp.gov.', plain(80))).toBe('Write to ecommerce@cbp.dhs.gov or https://www.cbp.gov.');
  });

  test('line breaks the bot wrote are kept; characters are not HTML-escaped', () => {
    expect(renderMarkdown("Reference: ECOM-2026-000042\nWe'll answer by email & phone <soon>.", plain(80))).toBe("Reference: ECOM-2026-000042\nWe'll answer by email & phone <soon>.");
  });
});

describe('terminalStyle', () => {
  test('a terminal: its width and colour; not a terminal: 80 columns, no colour; NO_COLOR turns colour off', () => {
    expect(terminalStyle({ isTTY: true, columns: 120 }, {})).toEqual({ width: 120, color: true });
    expect(terminalStyle({ isTTY: false }, {})).toEqual({ width: 80, color: false });
    expect(terminalStyle({ isTTY: true, columns: 100 }, { NO_COLOR: '1' })).toEqual({ width: 100, color: false });
  });
});
