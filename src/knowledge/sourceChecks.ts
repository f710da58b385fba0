/**
 * Content integrity checks on each document (issue 13), run by kb:check through
 * validateKnowledge:
 *
 * - **Sources that claim an agency.** A source title that names CBP (or a CBP office, or another
 *   agency: FDA, USDA/APHIS, CPSC, FinCEN, TTB, ATF, USPS, the Federal Register, HMRC, CBSA…)
 *   must either point at that government's own domain (`.gov`, `.gov.uk`, `.gc.ca`, or a listed
 *   exception below) or say whose page it really is, in a closing parenthesis: a publisher
 *   ("(ST&R summary)", "(Supply Chain Dive)") or a copy ("(CSMS #…, via BorderBuddy)",
 *   "(copy on Justia)"). "CBP Info Center" on a blog, "(CBP release, 2023)" on a press-wire site
 *   or "88 FR 10140 (16 Feb 2023)" on a law mirror are errors: a person would trust them as
 *   the agency's own words.
 * - **Markup.** Answers are markdown rendered in Web Chat, Teams and email: raw HTML and
 *   `javascript:` (or `vbscript:`, `data:`) links are refused, naming the file.
 *
 * Pure functions over parsed documents.
 */
import type { KnowledgeDoc, Problem } from './types';

/** An agency a source title can claim, and the domains that are its own. */
export interface Agency {
  name: string;
  /** Matches the agency in a title (acronyms case-sensitive). */
  pattern: RegExp;
  /** Host suffixes of that government's own sites (".gov" matches "www.cbp.gov", not "cbp.gov.example.com"). */
  domains: readonly string[];
  /** Other sites that are the agency's own, as host plus an optional path prefix. */
  exceptions?: ReadonlyArray<{ host: string; pathIncludes?: string }>;
}

const US = ['.gov', '.mil'];

/** The agencies checked, as data. Add one here when a document cites a new agency. */
export const AGENCIES: readonly Agency[] = [
  {
    name: 'CBP',
    // CSMS (Cargo Systems Messaging Service) messages and CBP forms and rulings are CBP's own documents.
    pattern: /\bCBP\b|Customs and Border Protection|\bU\.\s?S\.\s?Customs\b|\bCSMS\b|\bInfo Center\b|\bOffice of (?:Trade|Field Operations)\b/,
    domains: US,
    // CBP publishes CSMS messages through GovDelivery, under its USDHSCBP account.
    exceptions: [{ host: 'content.govdelivery.com', pathIncludes: 'USDHSCBP' }],
  },
  { name: 'FDA', pattern: /\bFDA\b|Food and Drug Administration/, domains: US },
  { name: 'USDA', pattern: /\bUSDA\b|\bAPHIS\b|Department of Agriculture|Animal and Plant Health Inspection/, domains: US },
  { name: 'CPSC', pattern: /\bCPSC\b|Consumer Product Safety Commission/, domains: US },
  { name: 'FinCEN', pattern: /\bFinCEN\b|Financial Crimes Enforcement Network/, domains: US },
  { name: 'TTB', pattern: /\bTTB\b|Alcohol and Tobacco Tax and Trade Bureau/, domains: US },
  { name: 'ATF', pattern: /\bATF\b|Bureau of Alcohol, Tobacco, Firearms/, domains: US },
  // USPS is a federal agency on a .com domain.
  { name: 'USPS', pattern: /\bUSPS\b|(?:U\.\s?S\.|United States) Postal Service/, domains: [...US, '.usps.com', 'usps.com'] },
  { name: 'Federal Register', pattern: /Federal Register|\b\d+\s+FR\b|\bFR\s+Doc\b/i, domains: US },
  // omb.report is a private site; "OMB.report" names it, "OMB" alone claims the Office of Management and Budget.
  { name: 'OMB', pattern: /\bOMB\b(?!\.report)|Office of Management and Budget/, domains: US },
  { name: 'FTC', pattern: /\bFTC\b|Federal Trade Commission/, domains: US },
  { name: 'HMRC', pattern: /\bHMRC\b|HM Revenue/, domains: ['.gov.uk', 'gov.uk'] },
  { name: 'CBSA', pattern: /\bCBSA\b|Canada Border Services Agency/, domains: ['.gc.ca', 'canada.ca', '.canada.ca'] },
];

/** Words in a closing parenthesis that say the page is a copy or someone else's account. */
const DISCLOSES_COPY = /\b(?:via|copy|copies|mirror|mirrored|reprint|reprinted|summary|summarised|summarized|quoted|quoting|archived|archive of)\b/i;

/** Capitalised words that name no publisher (dates, document words). */
const NOT_A_PUBLISHER = new Set([
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'fr', 'doc', 'no', 'part', 'section', 'release', 'press', 'news', 'text', 'page', 'official', 'notice', 'rule', 'final',
  'interim', 'proposed', 'form', 'record', 'publication', 'pdf', 'faq', 'faqs', 'u.s', 'us', 'the', 'a', 'an',
]);

function hostMatches(host: string, domain: string): boolean {
  return domain.startsWith('.') ? host.endsWith(domain) : host === domain;
}

/** Whether `url` is one of `agency`'s own sites. */
export function onAgencyDomain(agency: Agency, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (agency.domains.some((d) => hostMatches(host, d))) return true;
  return (agency.exceptions ?? []).some((e) => host === e.host && (!e.pathIncludes || parsed.pathname.includes(e.pathIncludes)));
}

/**
 * Whether a title says whose page it is: its closing parenthesis names a publisher other than
 * the agencies, or says it is a copy ("via", "copy on", "summary", "reprint", "quoting"…).
 *
 * @example
 * attributed('CBP issues e-commerce strategy (ST&R, 2018)'); // true
 * attributed('CBP shares tips (CBP release, 2023)'); // false: the agency itself, no publisher
 * attributed('Data Pilot opened and extended, 88 FR 10140 (16 Feb 2023)'); // false: a date
 */
export function attributed(title: string): boolean {
  const closing = /\(([^()]*)\)\s*$/.exec(title.trim())?.[1];
  if (!closing) return false;
  if (DISCLOSES_COPY.test(closing)) return true;
  let rest = closing;
  for (const agency of AGENCIES) rest = rest.replace(new RegExp(agency.pattern.source, agency.pattern.flags.includes('g') ? agency.pattern.flags : `${agency.pattern.flags}g`), ' ');
  return rest
    .split(/[\s,;:()]+/)
    .map((w) => w.replace(/[.'’]+$/, ''))
    .some((w) => /^[A-Z]/.test(w) && !NOT_A_PUBLISHER.has(w.toLowerCase()));
}

/**
 * The agencies a source claims to be from but is not: each agency its title names, unless the
 * URL is that agency's own or the title says whose page it is.
 *
 * @example
 * claimedAgencies({ title: 'CBP Info Center', url: 'https://blog.example.com/cbp' }); // ['CBP']
 * claimedAgencies({ title: 'CBP – E-Commerce', url: 'https://www.cbp.gov/trade' }); // []
 */
export function claimedAgencies(source: { title: string; url: string }): string[] {
  const named = AGENCIES.filter((a) => a.pattern.test(source.title));
  if (named.length === 0 || attributed(source.title)) return [];
  return named.filter((a) => !onAgencyDomain(a, source.url)).map((a) => a.name);
}

/**
 * Sources whose title claims an agency the URL does not belong to (an error each).
 *
 * @example
 * checkSourceClaims([doc]); // [{ file, field: 'sources[2].title', problem: 'claims CBP but … is not its site; …', severity: 'error' }]
 */
export function checkSourceClaims(docs: readonly KnowledgeDoc[]): Problem[] {
  const problems: Problem[] = [];
  for (const doc of docs) {
    doc.sources.forEach((source, i) => {
      const claimed = claimedAgencies(source);
      if (claimed.length === 0) return;
      let host = source.url;
      try {
        host = new URL(source.url).hostname;
      } catch {
        // the schema already refuses a URL that does not parse
      }
      problems.push({
        file: doc.file,
        field: `sources[${i}].title`,
        problem: `"${source.title}" claims ${claimed.join(' and ')} but ${host} is not ${claimed.length > 1 ? 'their' : 'its'} site; say whose page it is, e.g. "… (${publisherHint(host)} summary)" or "… (copy on ${publisherHint(host)})"`,
        severity: 'error',
      });
    });
  }
  return problems;
}

function publisherHint(host: string): string {
  const parts = host.replace(/^www\./, '').split('.');
  return parts.length > 1 ? parts.slice(-2).join('.') : host;
}

/** Fenced code blocks and inline code: shown as code, never as HTML or links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ').replace(/`[^`\n]*`/g, ' ');
}

/** An HTML tag or comment: `<b>`, `</div>`, `<img src=…>`, `<!-- … -->`. Autolinks (`<https://…>`) are not tags. */
const HTML = /<!--|<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i;
/** A link whose target runs code or carries data: inline `](…)`, autolink `<…>`, reference `[x]: …`. */
const SCRIPT_LINK = /\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:|<\s*(?:javascript|vbscript|data)\s*:|^\s*\[[^\]]+\]:\s*<?\s*(?:javascript|vbscript|data)\s*:/im;

/**
 * Raw HTML or script links in a document's text (the answer, its title, label, questions and
 * source titles): an error each, naming the file and field.
 *
 * @example
 * checkMarkup([{ ...doc, body: 'See <a href="x">here</a>.' }]); // [{ file, field: 'body', problem: 'contains raw HTML (<a href="x">) …', … }]
 */
export function checkMarkup(docs: readonly KnowledgeDoc[]): Problem[] {
  const problems: Problem[] = [];
  for (const doc of docs) {
    const fields: Array<[string, string]> = [
      ['body', withoutCode(doc.body)],
      ['title', doc.title],
      ['label', doc.label],
      ...doc.questions.map((q, i): [string, string] => [`questions[${i}]`, q]),
      ...doc.sources.map((s, i): [string, string] => [`sources[${i}].title`, s.title]),
    ];
    for (const [field, text] of fields) {
      const tag = HTML.exec(text)?.[0];
      if (tag) {
        problems.push({ file: doc.file, field, problem: `contains raw HTML (${tag.slice(0, 60)}); write markdown instead — channels show or strip HTML differently`, severity: 'error' });
      }
      const link = SCRIPT_LINK.exec(text)?.[0];
      if (link) {
        problems.push({ file: doc.file, field, problem: `contains a script or data link (${link.trim().slice(0, 40)}…); links must be http(s)`, severity: 'error' });
      }
    }
  }
  return problems;
}

/** Both checks, for validateKnowledge. */
export function checkSourcesAndMarkup(docs: readonly KnowledgeDoc[]): Problem[] {
  return [...checkSourceClaims(docs), ...checkMarkup(docs)];
}
