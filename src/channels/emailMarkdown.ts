/**
 * The bot's markdown as an email's HTML and plain text bodies, parsed by marked (the maintained
 * CommonMark/GFM parser the terminal renderer, src/cli/markdown.ts, uses too) with HTML input
 * off: raw HTML in the markdown is shown as text, never passed through.
 *
 * Mail clients get simple markup only: paragraphs, bold headings, lists, links, emphasis and
 * code. Links are kept only for http(s) and mailto URLs; any other link becomes "text (url)".
 * Images are off (an email must not fetch anything): their alt text is shown. Entities the
 * markdown holds (from `quoteUserText`) are kept as they are in HTML and decoded in plain text,
 * so a person's `<` reads as `<` in both.
 */
import { Lexer, Marked, type Token, type Tokens } from 'marked';
import { decodeHtmlEntities, escapeHtml } from '../text/html';

/**
 * Whether a link may stay a link in an email.
 *
 * @example
 * isSafeUrl('https://www.cbp.gov'); // true
 * isSafeUrl('javascript:alert(1)'); // false
 */
export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url);
}

const markdown = new Marked({
  gfm: true,
  breaks: true,
  // No autolinks: an address a person typed and the bot quotes back stays text, never a link.
  tokenizer: { url: () => undefined },
  renderer: {
    // HTML input off: raw HTML, block or inline, is text.
    html: ({ text, block }: Tokens.HTML | Tokens.Tag) => (block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)),
    // Headings become bold paragraphs: the email's own title is the only heading.
    heading({ tokens }) {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    list(token) {
      const tag = token.ordered ? 'ol' : 'ul';
      return `<${tag}>${token.items.map((item) => `<li>${this.parser.parse(item.tokens, item.loose).trim()}</li>`).join('')}</${tag}>\n`;
    },
    br: () => '<br>',
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return isSafeUrl(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : `${text} (${escapeHtml(href)})`;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

/**
 * Markdown as simple HTML: paragraphs, bold headings, lists, links; all text escaped.
 *
 * @example
 * markdownToHtml('See [CBP](https://www.cbp.gov) <now>'); // '<p>See <a href="https://www.cbp.gov">CBP</a> &lt;now&gt;</p>'
 */
export function markdownToHtml(text: string): string {
  return (markdown.parse(text, { async: false }) as string).trimEnd();
}

/**
 * One line of markdown (no blocks) as HTML, for a fact's label or value.
 *
 * @example
 * inlineMarkdownToHtml('**$80** <b>'); // '<strong>$80</strong> &lt;b&gt;'
 */
export function inlineMarkdownToHtml(text: string): string {
  return markdown.parseInline(text, { async: false }) as string;
}

/** Inline tokens as plain text: marks dropped, links as "text (url)", line breaks kept. */
function plainInline(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += 'tokens' in token && token.tokens ? plainInline(token.tokens) : decodeHtmlEntities(token.text);
        break;
      case 'escape':
      case 'codespan':
      case 'html':
      case 'image':
        out += decodeHtmlEntities(token.text);
        break;
      case 'br':
        out += '\n';
        break;
      case 'strong':
      case 'em':
      case 'del':
        out += plainInline(token.tokens ?? []);
        break;
      case 'link': {
        const text = plainInline(token.tokens ?? []);
        const href = (token as Tokens.Link).href;
        out += href === text || href === `mailto:${text}` ? text : `${text} (${href})`;
        break;
      }
      default:
        out += 'raw' in token ? token.raw : '';
    }
  }
  return out;
}

/** Block tokens as plain text blocks; list items on their own lines ("- item", "1. item"), nested ones indented. */
function plainBlocks(tokens: readonly Token[], indent = ''): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'def':
        break;
      case 'heading':
      case 'paragraph':
        out.push(indent + plainInline(token.tokens ?? []));
        break;
      case 'text':
        out.push(indent + ('tokens' in token && token.tokens ? plainInline(token.tokens) : decodeHtmlEntities(token.text)));
        break;
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        const items = list.items.map((item, n) => {
          const marker = list.ordered ? `${start + n}. ` : '- ';
          const [first = '', ...rest] = plainBlocks(item.tokens, `${indent}  `);
          return [`${indent}${marker}${first.slice(indent.length + 2)}`, ...rest].join('\n');
        });
        out.push(items.join('\n'));
        break;
      }
      case 'blockquote':
        out.push(...plainBlocks(token.tokens ?? [], indent));
        break;
      case 'code':
        out.push(token.text.replace(/\n+$/, ''));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) => indent + cells.map((cell) => plainInline(cell.tokens)).join(' | ');
        out.push([row(table.header), ...table.rows.map(row)].join('\n'));
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string') out.push(indent + decodeHtmlEntities(token.text));
    }
  }
  return out;
}

/**
 * One line of markdown (no blocks) as plain text.
 *
 * @example
 * inlineMarkdownToPlain('**$80** &lt;b&gt;'); // '$80 <b>'
 */
export function inlineMarkdownToPlain(text: string): string {
  return plainInline(new Lexer(markdown.defaults).inlineTokens(text));
}

/**
 * Markdown as readable plain text: links become "text (url)", emphasis marks go, lists stay
 * ("- item", "1. item"); blocks are separated by a blank line, list items by a line break.
 *
 * @example
 * markdownToPlain('**No.** See [CBP](https://www.cbp.gov).'); // 'No. See CBP (https://www.cbp.gov).'
 */
export function markdownToPlain(text: string): string {
  return plainBlocks(new Lexer(markdown.defaults).lex(text)).join('\n\n');
}
