/**
 * The bot's markdown as an email's HTML and plain text bodies, through markdown-it (a maintained
 * CommonMark renderer) with HTML input off: raw HTML in the markdown is shown as text, never
 * passed through.
 *
 * Mail clients get simple markup only: paragraphs, bold headings, lists, links, emphasis and
 * code. Links are kept only for http(s) and mailto URLs; any other link becomes "text (url)".
 * Images are off (an email must not fetch anything). Entities the markdown holds (from
 * `quoteUserText`) are decoded by the parser, so they are escaped exactly once in HTML and read
 * as characters in plain text.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { escapeHtml } from '../text/html';

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

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false });
md.disable(['image']);
// Every link is parsed (the renderer decides), so an unsafe one still reads as "text (url)".
md.validateLink = () => true;

const rules = md.renderer.rules;
// Headings become bold paragraphs: the email's own title is the only heading.
rules.heading_open = () => '<p><strong>';
rules.heading_close = () => '</strong></p>\n';
rules.paragraph_open = (tokens, idx) => (tokens[idx].hidden ? '' : '<p>');
rules.paragraph_close = (tokens, idx) => (tokens[idx].hidden ? '' : '</p>\n');
rules.bullet_list_open = () => '<ul>';
rules.bullet_list_close = () => '</ul>\n';
rules.ordered_list_open = () => '<ol>';
rules.ordered_list_close = () => '</ol>\n';
rules.list_item_open = () => '<li>';
rules.list_item_close = () => '</li>';
rules.softbreak = () => '<br>';
rules.hardbreak = () => '<br>';
/** A link token's target. */
function hrefOf(token: Token | undefined): string {
  return String(token?.attrGet('href') ?? '');
}

rules.link_open = (tokens, idx) => {
  const href = hrefOf(tokens[idx]);
  return isSafeUrl(href) ? `<a href="${escapeHtml(href)}">` : '';
};
rules.link_close = (tokens, idx) => {
  const href = hrefOf(linkOpenBefore(tokens, idx));
  return isSafeUrl(href) ? '</a>' : ` (${escapeHtml(href)})`;
};

/** The `link_open` that a `link_close` at `idx` closes. */
function linkOpenBefore(tokens: Token[], idx: number): Token | undefined {
  let depth = 0;
  for (let i = idx - 1; i >= 0; i--) {
    if (tokens[i].type === 'link_close') depth++;
    else if (tokens[i].type === 'link_open' && depth-- === 0) return tokens[i];
  }
  return undefined;
}

/**
 * Markdown as simple HTML: paragraphs, bold headings, lists, links; all text escaped.
 *
 * @example
 * markdownToHtml('See [CBP](https://www.cbp.gov) <now>'); // '<p>See <a href="https://www.cbp.gov">CBP</a> &lt;now&gt;</p>'
 */
export function markdownToHtml(markdown: string): string {
  return md.render(markdown).trimEnd();
}

/**
 * One line of markdown (no blocks) as HTML, for a fact's label or value.
 *
 * @example
 * inlineMarkdownToHtml('**$80** <b>'); // '<strong>$80</strong> &lt;b&gt;'
 */
export function inlineMarkdownToHtml(markdown: string): string {
  return md.renderInline(markdown);
}

/** Inline tokens as plain text: marks dropped, links as "text (url)", line breaks kept. */
function plainInline(tokens: readonly Token[]): string {
  let out = '';
  const links: { href: string; start: number }[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        out += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'link_open':
        links.push({ href: md.normalizeLinkText(hrefOf(token)), start: out.length });
        break;
      case 'link_close': {
        const link = links.pop();
        if (link && out.slice(link.start) !== link.href) out += ` (${link.href})`;
        break;
      }
      default:
        break;
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
export function inlineMarkdownToPlain(markdown: string): string {
  return plainInline(md.parseInline(markdown, {})[0]?.children ?? []);
}

/**
 * Markdown as readable plain text: links become "text (url)", emphasis marks go, lists stay
 * ("- item", "1. item"); blocks are separated by a blank line, list items by a line break.
 *
 * @example
 * markdownToPlain('**No.** See [CBP](https://www.cbp.gov).'); // 'No. See CBP (https://www.cbp.gov).'
 */
export function markdownToPlain(markdown: string): string {
  const blocks: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let itemPrefix: string | undefined;
  let previousInList = false;
  const add = (text: string) => {
    const inList = lists.length > 0;
    const indent = '  '.repeat(Math.max(0, lists.length - 1));
    const line = itemPrefix !== undefined ? `${itemPrefix}${text}` : inList ? `${indent}  ${text}` : text;
    itemPrefix = undefined;
    if (inList && previousInList && blocks.length > 0) blocks[blocks.length - 1] += `\n${line}`;
    else blocks.push(line);
    previousInList = inList;
  };
  for (const token of md.parse(markdown, {})) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) previousInList = false;
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1]!;
        itemPrefix = '  '.repeat(lists.length - 1) + (list.ordered ? `${list.next++}. ` : '- ');
        break;
      }
      case 'inline':
        add(plainInline(token.children ?? []));
        break;
      case 'fence':
      case 'code_block':
        add(token.content.replace(/\n+$/, ''));
        break;
      default:
        break;
    }
  }
  return blocks.join('\n\n');
}
