/**
 * The Azure Bot Service Email channel (`channelId: email`): a reply becomes an email with a plain
 * text body (`text`) and a simple HTML body (`channelData.htmlBody`, which the channel sends
 * when present). No cards and no buttons — mail clients cannot run them — so follow-up
 * suggestions are listed as text the person can write back.
 *
 * Everything that reaches the HTML is escaped; links are kept only for http(s) and mailto URLs.
 * The markdown itself is parsed by marked with HTML input off (see `emailMarkdown.ts`).
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { displayDate } from '../dates';
import { escapeHtml } from '../text/html';
import { catalog, fill } from '../messages';
import { inlineMarkdownToHtml, inlineMarkdownToPlain, isSafeUrl, markdownToHtml, markdownToPlain } from './emailMarkdown';
import { Reply } from './reply';

export { markdownToHtml, markdownToPlain } from './emailMarkdown';

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

/** The follow-up suggestions as words to write back; labels read as what the person would say. */
function followUps(reply: Reply): string[] {
  return (reply.suggestions ?? []).filter((s) => s.role !== 'feedback').map((s) => s.label);
}

/** "Helpful / Not helpful" in words: they are not questions to ask. */
function feedbackLine(reply: Reply): string | undefined {
  const labels = (reply.suggestions ?? []).filter((s) => s.role === 'feedback').map((s) => `"${s.label}"`);
  return labels.length > 0 ? fill(catalog().answers.emailFeedback, { choices: labels.join(catalog().answers.or) }) : undefined;
}

/** The line above the follow-ups: a prompt's suggestions are the answers to its question, not more questions. */
function followUpsHeading(reply: Reply): string {
  return reply.kind === 'prompt' ? catalog().answers.emailReplyWith : catalog().answers.emailAlsoAsk;
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
  if (reply.title) parts.push(inlineMarkdownToPlain(reply.title));
  parts.push(markdownToPlain(reply.markdown));
  if (reply.facts && reply.facts.length > 0) parts.push(reply.facts.map((f) => `- ${inlineMarkdownToPlain(f.label)}: ${inlineMarkdownToPlain(f.value)}`).join('\n'));
  const sources = reply.sources ?? [];
  const citation: string[] = [];
  const { answers } = catalog();
  if (sources.length > 0) citation.push(sources.length > 1 ? answers.sourcesHeading : answers.sourceHeading, ...sources.map((s) => `${s.title}: ${s.url}`));
  if (reply.reviewed) citation.push(fill(answers.reviewed, { date: displayDate(reply.reviewed) }));
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
  if (reply.title) parts.push(`<h2 style="font-size: 14pt; margin: 0 0 8pt 0;">${inlineMarkdownToHtml(reply.title)}</h2>`);
  parts.push(markdownToHtml(reply.markdown));
  if (reply.facts && reply.facts.length > 0) {
    const items = reply.facts.map((f) => `<li><strong>${inlineMarkdownToHtml(f.label)}:</strong> ${inlineMarkdownToHtml(f.value)}</li>`);
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  const sources = reply.sources ?? [];
  const citation: string[] = [];
  if (sources.length > 0) {
    const links = sources.map((s) => (isSafeUrl(s.url) ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>` : `${escapeHtml(s.title)}: ${escapeHtml(s.url)}`));
    citation.push(fill(sources.length > 1 ? catalog().answers.sources : catalog().answers.source, { links: links.join(' · ') }));
  }
  if (reply.reviewed) citation.push(fill(catalog().answers.reviewed, { date: escapeHtml(displayDate(reply.reviewed)) }));
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
