/**
 * Markdown for the terminal (`npm run chat`, `npm run ask`): the bot's replies are markdown; a
 * terminal shows bold as bold, lists with hanging indents, links as "text (URL)", and lines
 * wrapped at word boundaries to the terminal's width (a long URL overflows rather than breaks,
 * so it stays clickable and copyable).
 *
 * Parsing is marked's lexer; wrapping is wrap-ansi (ANSI-aware, so bold text wraps correctly).
 * marked 15 and wrap-ansi 7 are the last versions shipped as CommonJS, which this project and
 * its jest set-up load (marked 16+ and wrap-ansi 8+ are ESM only).
 */
import { Lexer, type Token, type Tokens } from 'marked';
import wrapAnsi from 'wrap-ansi';
import { decodeHtmlEntities } from '../text/html';

export interface TerminalStyle {
  /** Columns to wrap at. */
  width: number;
  /** Bold, italics and underlines as ANSI escape codes; off → plain text. */
  color: boolean;
}

/** The width and colour for `stream`: its columns when a TTY, otherwise 80; colour on a TTY unless NO_COLOR is set. */
export function terminalStyle(stream: { isTTY?: boolean; columns?: number } = process.stdout, env: NodeJS.ProcessEnv = process.env): TerminalStyle {
  const tty = Boolean(stream.isTTY);
  const width = tty && stream.columns && stream.columns > 20 ? stream.columns : 80;
  return { width, color: tty && !env.NO_COLOR && env.TERM !== 'dumb' };
}

const ANSI = {
  bold: ['\u001b[1m', '\u001b[22m'],
  italic: ['\u001b[3m', '\u001b[23m'],
  underline: ['\u001b[4m', '\u001b[24m'],
  dim: ['\u001b[2m', '\u001b[22m'],
} as const;

/**
 * Markdown rendered for a terminal.
 *
 * @example
 * renderMarkdown('**Note:** see [CBP](https://www.cbp.gov).\n\n- one\n- two', { width: 80, color: false });
 * // 'Note: see CBP (https://www.cbp.gov).\n\n• one\n• two'
 */
export function renderMarkdown(markdown: string, style: TerminalStyle): string {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  return blocks(tokens, Math.max(20, style.width), style).join('\n\n');
}

function paint(text: string, kind: keyof typeof ANSI, style: TerminalStyle): string {
  return style.color ? `${ANSI[kind][0]}${text}${ANSI[kind][1]}` : text;
}

function wrap(text: string, width: number): string {
  return wrapAnsi(text, width, { hard: false, trim: true, wordWrap: true });
}

/** Each block token as text wrapped to `width`; spaces and unknown blocks are dropped. */
function blocks(tokens: readonly Token[], width: number, style: TerminalStyle): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const text = block(token, width, style);
    if (text !== undefined && text.length > 0) out.push(text);
  }
  return out;
}

function block(token: Token, width: number, style: TerminalStyle): string | undefined {
  switch (token.type) {
    case 'space':
      return undefined;
    case 'paragraph':
    case 'text':
      return wrap(inline((token as Tokens.Paragraph | Tokens.Text).tokens ?? [token], style), width);
    case 'heading':
      return wrap(paint(inline((token as Tokens.Heading).tokens, style), 'bold', style), width);
    case 'list':
      return list(token as Tokens.List, width, style);
    case 'blockquote':
      return indent(blocks((token as Tokens.Blockquote).tokens, width - 2, style).join('\n\n'), '│ ', '│ ');
    case 'code':
      return indent((token as Tokens.Code).text, '    ', '    ');
    case 'hr':
      return '─'.repeat(Math.min(width, 40));
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => wrap(cells.map((c) => inline(c.tokens, style)).join(' | '), width);
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'html':
      return wrap((token as Tokens.HTML).text.trim(), width);
    default:
      return 'raw' in token && typeof token.raw === 'string' ? wrap(token.raw.trim(), width) : undefined;
  }
}

/** A list with hanging indents: wrapped lines of an item line up under its first word. */
function list(token: Tokens.List, width: number, style: TerminalStyle): string {
  const start = typeof token.start === 'number' ? token.start : 1;
  const markers = token.items.map((_item, i) => (token.ordered ? `${start + i}. ` : '• '));
  const markerWidth = Math.max(...markers.map((m) => m.length));
  const items = token.items.map((item, i) => {
    const body = blocks(item.tokens, width - markerWidth, style).join(token.loose ? '\n\n' : '\n');
    return indent(body, markers[i]!.padEnd(markerWidth), ' '.repeat(markerWidth));
  });
  return items.join(token.loose ? '\n\n' : '\n');
}

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : line.length > 0 ? rest : rest.trimEnd()) + line)
    .join('\n');
}

/** Inline tokens as one string (line breaks the author wrote are kept). */
function inline(tokens: readonly Token[], style: TerminalStyle): string {
  return tokens.map((t) => inlineToken(t, style)).join('');
}

function inlineToken(token: Token, style: TerminalStyle): string {
  switch (token.type) {
    case 'strong':
      return paint(inline((token as Tokens.Strong).tokens, style), 'bold', style);
    case 'em':
      return paint(inline((token as Tokens.Em).tokens, style), 'italic', style);
    case 'del':
      return inline((token as Tokens.Del).tokens, style);
    case 'codespan':
      return decodeHtmlEntities((token as Tokens.Codespan).text);
    case 'br':
      return '\n';
    case 'link': {
      const link = token as Tokens.Link;
      const text = inline(link.tokens, style);
      const shown = link.href.replace(/^mailto:/i, '');
      // An autolink (or a link whose text is its address) is shown once.
      if (plain(text) === shown || plain(text) === link.href) return paint(shown, 'underline', style);
      return `${text} (${paint(shown, 'underline', style)})`;
    }
    case 'image': {
      const image = token as Tokens.Image;
      return `${image.text || 'image'} (${image.href})`;
    }
    case 'text':
    case 'escape': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens, style) : decodeHtmlEntities(text.text);
    }
    case 'html':
      return (token as Tokens.HTML).text;
    default:
      return 'raw' in token && typeof token.raw === 'string' ? token.raw : '';
  }
}

/** Text without ANSI codes. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
