/**
 * The Azure Bot Service Email channel (`channelId: email`): a reply becomes an email with a plain
 * text body (`text`) and a simple HTML body (`channelData.htmlBody`, which the channel sends
 * when present). No cards and no buttons — mail clients cannot run them — so follow-up
 * suggestions are listed as text the person can write back.
 *
 * Everything that reaches the HTML is escaped; links are kept only for http(s) and mailto URLs.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { displayDate } from '../clock';
import { Reply } from './reply';

/** What the Email channel reads from `channelData` (see "Implement channel-specific functionality"). */
export interface EmailChannelData {
  htmlBody: string;
  subject?: string;
  importance?: 'low' | 'normal' | 'high';
}

export interface EmailRenderOptions {
  /**
   * A new subject. Left unset by default: the channel then answers in the person's thread, and
   * a changed subject would split the conversation in Outlook.
   */
  subject?: string;
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<script>"x" & y</script>'); // '&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Turns the few entities our markdown may hold (from `quoteUserText`) back into characters, so
 * they are escaped exactly once for HTML and read naturally in plain text.
 *
 * @example
 * decodeBasicEntities('&lt;b&gt; &amp;amp;'); // '<b> &amp;'
 */
export function decodeBasicEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

type Mode = 'html' | 'plain';

function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url);
}

/** `[text](url)` starting at `start`, or undefined when the brackets are not a link. */
function parseLink(md: string, start: number): { text: string; url: string; end: number } | undefined {
  let i = start + 1;
  let depth = 1;
  for (; i < md.length; i++) {
    if (md[i] === '\\') {
      i++;
      continue;
    }
    if (md[i] === '[') depth++;
    if (md[i] === ']' && --depth === 0) break;
  }
  if (i >= md.length || md[i + 1] !== '(') return undefined;
  const close = md.indexOf(')', i + 2);
  if (close < 0) return undefined;
  const url = md.slice(i + 2, close).trim();
  if (!url || /\s/.test(url)) return undefined;
  return { text: md.slice(start + 1, i), url, end: close + 1 };
}

/** Inline markdown (links, bold, emphasis, code, backslash escapes) as HTML or plain text. */
function inline(md: string, mode: Mode): string {
  const lit = (s: string) => (mode === 'html' ? escapeHtml(s) : s);
  let out = '';
  let i = 0;
  while (i < md.length) {
    const ch = md[i];
    if (ch === '\\' && i + 1 < md.length && /[!-/:-@[-`{-~]/.test(md[i + 1])) {
      out += lit(md[i + 1]);
      i += 2;
      continue;
    }
    if (ch === '[') {
      const link = parseLink(md, i);
      if (link) {
        const text = inline(link.text, mode);
        if (mode === 'html') out += isSafeUrl(link.url) ? `<a href="${escapeHtml(link.url)}">${text}</a>` : `${text} (${escapeHtml(link.url)})`;
        else out += text === link.url ? link.url : `${text} (${link.url})`;
        i = link.end;
        continue;
      }
    }
    if (md.startsWith('**', i) || md.startsWith('__', i)) {
      const marker = md.slice(i, i + 2);
      const close = md.indexOf(marker, i + 2);
      if (close > i + 2) {
        const inner = inline(md.slice(i + 2, close), mode);
        out += mode === 'html' ? `<strong>${inner}</strong>` : inner;
        i = close + 2;
        continue;
      }
    }
    if (ch === '`') {
      const close = md.indexOf('`', i + 1);
      if (close > i + 1) {
        const code = md.slice(i + 1, close);
        out += mode === 'html' ? `<code>${escapeHtml(code)}</code>` : code;
        i = close + 1;
        continue;
      }
    }
    // Single * or _ emphasis, only around a word (so "5 * 3" and snake_case stay as they are).
    if ((ch === '*' || ch === '_') && /\S/.test(md[i + 1] ?? '') && !/[A-Za-z0-9]/.test(md[i - 1] ?? '')) {
      const close = md.indexOf(ch, i + 1);
      if (close > i + 1 && /\S/.test(md[close - 1]) && !/[A-Za-z0-9]/.test(md[close + 1] ?? '')) {
        const inner = inline(md.slice(i + 1, close), mode);
        out += mode === 'html' ? `<em>${inner}</em>` : inner;
        i = close + 1;
        continue;
      }
    }
    out += lit(ch);
    i++;
  }
  return out;
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'heading'; text: string } | { kind: 'ul' | 'ol'; items: string[] };

function blocks(markdown: string): Block[] {
  const result: Block[] = [];
  const last = () => result[result.length - 1];
  for (const raw of decodeBasicEntities(markdown).replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.+)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.+)$/.exec(line);
    if (!line.trim()) result.push({ kind: 'p', lines: [] });
    else if (heading) result.push({ kind: 'heading', text: heading[1] });
    else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)![1];
      const prev = last();
      if (prev && prev.kind === kind) prev.items.push(item);
      else result.push({ kind, items: [item] });
    } else {
      const prev = last();
      if (prev && prev.kind === 'p') prev.lines.push(line.trim());
      else result.push({ kind: 'p', lines: [line.trim()] });
    }
  }
  return result.filter((b) => b.kind !== 'p' || b.lines.length > 0);
}

/**
 * Markdown as simple HTML: paragraphs, bold headings, lists, links; all text escaped.
 *
 * @example
 * markdownToHtml('See [CBP](https://www.cbp.gov) <now>'); // '<p>See <a href="https://www.cbp.gov">CBP</a> &lt;now&gt;</p>'
 */
export function markdownToHtml(markdown: string): string {
  return blocks(markdown)
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<p><strong>${inline(b.text, 'html')}</strong></p>`;
        case 'ul':
        case 'ol':
          return `<${b.kind}>${b.items.map((item) => `<li>${inline(item, 'html')}</li>`).join('')}</${b.kind}>`;
        default:
          return `<p>${b.lines.map((l) => inline(l, 'html')).join('<br>')}</p>`;
      }
    })
    .join('\n');
}

/**
 * Markdown as readable plain text: links become "text (url)", emphasis marks go, lists stay.
 *
 * @example
 * markdownToPlain('**No.** See [CBP](https://www.cbp.gov).'); // 'No. See CBP (https://www.cbp.gov).'
 */
export function markdownToPlain(markdown: string): string {
  return blocks(markdown)
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return inline(b.text, 'plain');
        case 'ul':
          return b.items.map((item) => `- ${inline(item, 'plain')}`).join('\n');
        case 'ol':
          return b.items.map((item, n) => `${n + 1}. ${inline(item, 'plain')}`).join('\n');
        default:
          return b.lines.map((l) => inline(l, 'plain')).join('\n');
      }
    })
    .join('\n\n');
}

/** The follow-up suggestions as words to write back; labels read as what the person would say. */
function followUps(reply: Reply): string[] {
  return (reply.suggestions ?? []).filter((s) => s.role !== 'feedback').map((s) => s.label);
}

/** "Helpful / Not helpful" in words: they are not questions to ask. */
function feedbackLine(reply: Reply): string | undefined {
  const labels = (reply.suggestions ?? []).filter((s) => s.role === 'feedback').map((s) => `"${s.label}"`);
  return labels.length > 0 ? `Did this answer help? Reply ${labels.join(' or ')}.` : undefined;
}

/** The line above the follow-ups: a prompt's suggestions are the answers to its question, not more questions. */
function followUpsHeading(reply: Reply): string {
  return reply.kind === 'prompt' ? 'You can reply with one of these:' : 'You can also ask:';
}

/**
 * The plain text body of the email.
 *
 * @example
 * emailText({ kind: 'answer', title: 'Gifts', markdown: 'Gifts up to $100 …', sources: [{ title: 'CBP', url: 'https://www.cbp.gov' }],
 *   reviewed: '2026-11-25', suggestions: [{ label: 'Check my shipment' }] });
 * // 'Gifts\n\nGifts up to $100 …\n\nSource:\nCBP: https://www.cbp.gov\nReviewed 25 Nov 2026\n\nYou can also ask:\n- Check my shipment'
 */
export function emailText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(decodeBasicEntities(reply.title));
  parts.push(markdownToPlain(reply.markdown));
  if (reply.facts && reply.facts.length > 0) parts.push(reply.facts.map((f) => `- ${inline(decodeBasicEntities(f.label), 'plain')}: ${inline(decodeBasicEntities(f.value), 'plain')}`).join('\n'));
  const sources = reply.sources ?? [];
  const citation: string[] = [];
  if (sources.length > 0) citation.push(sources.length > 1 ? 'Sources:' : 'Source:', ...sources.map((s) => `${s.title}: ${s.url}`));
  if (reply.reviewed) citation.push(`Reviewed ${displayDate(reply.reviewed)}`);
  if (citation.length > 0) parts.push(citation.join('\n'));
  const more = followUps(reply);
  if (more.length > 0) parts.push([followUpsHeading(reply), ...more.map((m) => `- ${m}`)].join('\n'));
  const feedback = feedbackLine(reply);
  if (feedback) parts.push(feedback);
  return parts.filter((p) => p.trim()).join('\n\n');
}

/**
 * The HTML body of the email: the same content as `emailText`, with real links.
 *
 * @example
 * emailHtml({ kind: 'info', title: '<script>', markdown: 'Hi' }); // '<html>…<h2 …>&lt;script&gt;</h2>\n<p>Hi</p>…</html>'
 */
export function emailHtml(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(`<h2 style="font-size: 14pt; margin: 0 0 8pt 0;">${escapeHtml(decodeBasicEntities(reply.title))}</h2>`);
  parts.push(markdownToHtml(reply.markdown));
  if (reply.facts && reply.facts.length > 0) {
    const items = reply.facts.map((f) => `<li><strong>${inline(decodeBasicEntities(f.label), 'html')}:</strong> ${inline(decodeBasicEntities(f.value), 'html')}</li>`);
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  const sources = reply.sources ?? [];
  const citation: string[] = [];
  if (sources.length > 0) {
    const links = sources.map((s) => (isSafeUrl(s.url) ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>` : `${escapeHtml(s.title)}: ${escapeHtml(s.url)}`));
    citation.push(`${sources.length > 1 ? 'Sources' : 'Source'}: ${links.join(' · ')}`);
  }
  if (reply.reviewed) citation.push(`Reviewed ${escapeHtml(displayDate(reply.reviewed))}`);
  if (citation.length > 0) parts.push(`<p style="font-size: 9pt; color: #555555;">${citation.join('<br>')}</p>`);
  const more = followUps(reply);
  if (more.length > 0) parts.push(`<p>${followUpsHeading(reply)}</p>\n<ul>${more.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`);
  const feedback = feedbackLine(reply);
  if (feedback) parts.push(`<p>${escapeHtml(feedback)}</p>`);
  return [
    '<html><body style="font-family: Segoe UI, Arial, sans-serif; font-size: 11pt; line-height: 1.4;">',
    ...parts.filter((p) => p.trim()),
    '</body></html>',
  ].join('\n');
}

/**
 * The activity for a reply on the Email channel: plain text plus `channelData.htmlBody`; never
 * attachments or suggested actions.
 *
 * @example
 * await context.sendActivity(renderEmailReply(reply));
 */
export function renderEmailReply(reply: Reply, options: EmailRenderOptions = {}): Partial<Activity> {
  const channelData: EmailChannelData = { htmlBody: emailHtml(reply) };
  if (options.subject) channelData.subject = options.subject;
  return { type: ActivityTypes.Message, text: emailText(reply), textFormat: 'plain', channelData };
}
