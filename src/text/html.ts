/**
 * HTML escaping, in one place for every HTML the bot writes (the email channel's HTML body and
 * the escalation email to the E-Commerce inbox).
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and for quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"Tom" & \'Jerry\'</b>'); // '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

const CHARACTER: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The five entities {@link escapeHtml} writes (and `quoteUserText` puts in markdown) as
 * characters again, in one pass, so `&amp;lt;` becomes `&lt;`, not `<`. For text that leaves
 * HTML: a plain-text email, a terminal.
 *
 * @example
 * decodeHtmlEntities('&lt;b&gt; &amp;amp; &#39;x&#39;'); // "<b> &amp; 'x'"
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => CHARACTER[entity]!);
}
