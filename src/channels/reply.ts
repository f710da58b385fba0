/**
 * A reply built once, without knowing the channel: the answer as markdown, its sources and
 * reviewed date, optional facts (a verdict's summary) and suggested next steps. Renderers in
 * this folder turn it into what each channel shows best (Web Chat, Teams, email, terminal).
 * No botbuilder import here: this is plain data.
 */
import { displayDate } from '../clock';

export interface Source {
  title: string;
  url: string;
}

/** A button that sends `value` (default: the label) as if the person had typed it. */
export interface Suggestion {
  label: string;
  value?: string;
  /** 'feedback': "Helpful / Not helpful" — channels without buttons ask for it in words. */
  role?: 'feedback';
}

export interface Reply {
  /** answer: a knowledge answer; verdict: the guided check's result; prompt: a question to the person; info: anything else. */
  kind: 'answer' | 'verdict' | 'prompt' | 'info';
  title?: string;
  /** The message itself. Always complete on its own: cards are extras, never the only place of the answer. */
  markdown: string;
  sources?: Source[];
  /** YYYY-MM-DD, shown as "Reviewed 25 Nov 2026". */
  reviewed?: string;
  facts?: { label: string; value: string }[];
  suggestions?: Suggestion[];
}

/**
 * The citation line under an answer, in markdown or plain text.
 *
 * @example
 * sourceLine({ kind: 'answer', markdown: '…', sources: [{ title: 'CBP FAQ', url: 'https://cbp.gov/faq' }], reviewed: '2026-11-25' });
 * // 'Source: [CBP FAQ](https://cbp.gov/faq) · Reviewed 25 Nov 2026'
 */
export function sourceLine(reply: Reply, style: 'markdown' | 'plain' = 'markdown'): string | undefined {
  const sources = reply.sources ?? [];
  if (sources.length === 0 && !reply.reviewed) return undefined;
  const links = sources.map((s) => (style === 'markdown' ? `[${escapeMarkdownText(s.title)}](${s.url})` : `${s.title} (${s.url})`));
  const parts: string[] = [];
  if (links.length > 0) parts.push(`${links.length > 1 ? 'Sources' : 'Source'}: ${links.join(style === 'markdown' ? ' · ' : '; ')}`);
  if (reply.reviewed) parts.push(`Reviewed ${displayDate(reply.reviewed)}`);
  return parts.join(' · ');
}

/** Keeps link text from breaking markdown link syntax. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1');
}

/**
 * Escapes text a person typed before the bot quotes it back in markdown, so that HTML or
 * markdown in it is shown as text and never rendered.
 *
 * @example
 * quoteUserText('<script>x</script> *hi*'); // '&lt;script&gt;x&lt;/script&gt; \\*hi\\*'
 */
export function quoteUserText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}
