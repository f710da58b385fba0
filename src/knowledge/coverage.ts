/**
 * Which sections of the fact sheet (../shared/domain/facts.md) the knowledge base covers,
 * from each document's `facts` field. Pure functions: `npm run kb:coverage` reads the files
 * and prints what these return.
 */
import type { KnowledgeDoc } from './types';

/** One numbered section heading of facts.md ("## 12. USMCA/CUSMA — goods from Canada and Mexico"). */
export interface FactsSection {
  number: number;
  title: string;
}

/**
 * Sections 0–19 must each be covered by at least one document. Section 20 lists the week's
 * new CBP material and may be empty, so nothing has to cover it.
 */
export const REQUIRED_FACT_SECTIONS = { min: 0, max: 19 } as const;

export interface SectionCoverage extends FactsSection {
  /** Ids of the documents that list this section in `facts`, sorted. */
  docIds: string[];
  /** Whether a document must cover it (see {@link REQUIRED_FACT_SECTIONS}). */
  required: boolean;
}

export interface CoverageReport {
  sections: SectionCoverage[];
  /** Sections no document covers, in order. */
  uncovered: SectionCoverage[];
  /** Documents that name a section facts.md does not have: `{ id, number }`. */
  unknown: { id: string; number: number }[];
  /** Required sections (0–19) missing from facts.md itself. */
  missingRequired: number[];
}

const HEADING = /^##\s+(\d+)\.\s+(.+?)\s*$/;

/**
 * The numbered level-2 headings of a facts.md text, in file order. Other headings ("## Sources
 * (keys)", "### 2.1 …") are not sections and are skipped; a number seen twice keeps its first title.
 *
 * @example
 * parseFactsSections('# Facts\n## 0. Bottom line\ntext\n### 0.1 Detail\n## 1. Baseline\n## Sources');
 * // [{ number: 0, title: 'Bottom line' }, { number: 1, title: 'Baseline' }]
 */
export function parseFactsSections(text: string): FactsSection[] {
  const sections: FactsSection[] = [];
  const seen = new Set<number>();
  for (const line of text.split(/\r?\n/)) {
    const m = HEADING.exec(line);
    if (!m) continue;
    const number = Number(m[1]);
    if (seen.has(number)) continue;
    seen.add(number);
    sections.push({ number, title: m[2] });
  }
  return sections;
}

/**
 * Which documents cover which section. A section counts as covered when at least one document
 * lists its number in `facts`.
 *
 * @example
 * const report = coverageOf([{ number: 0, title: 'Bottom line' }, { number: 20, title: 'News' }], [{ ...doc, id: 'a', facts: [0] }]);
 * report.sections[0].docIds; // ['a']
 * report.uncovered.map((s) => s.number); // [20]
 */
export function coverageOf(sections: readonly FactsSection[], docs: readonly Pick<KnowledgeDoc, 'id' | 'facts'>[]): CoverageReport {
  const byNumber = new Map<number, Set<string>>(sections.map((s) => [s.number, new Set<string>()]));
  const unknown: { id: string; number: number }[] = [];
  for (const doc of docs) {
    for (const number of doc.facts ?? []) {
      const ids = byNumber.get(number);
      if (ids) ids.add(doc.id);
      else unknown.push({ id: doc.id, number });
    }
  }
  const isRequired = (n: number) => n >= REQUIRED_FACT_SECTIONS.min && n <= REQUIRED_FACT_SECTIONS.max;
  const covered: SectionCoverage[] = sections.map((s) => ({
    ...s,
    docIds: [...(byNumber.get(s.number) ?? [])].sort(),
    required: isRequired(s.number),
  }));
  const present = new Set(sections.map((s) => s.number));
  const missingRequired: number[] = [];
  for (let n = REQUIRED_FACT_SECTIONS.min; n <= REQUIRED_FACT_SECTIONS.max; n++) if (!present.has(n)) missingRequired.push(n);
  return { sections: covered, uncovered: covered.filter((s) => s.docIds.length === 0), unknown, missingRequired };
}

/**
 * Whether the knowledge base covers every required section (0–19) that facts.md has, and
 * facts.md has all of them.
 *
 * @example
 * isComplete(coverageOf(sections, docs)); // false while §12 has no document
 */
export function isComplete(report: CoverageReport): boolean {
  return report.missingRequired.length === 0 && report.uncovered.every((s) => !s.required);
}

/**
 * The report as lines for a terminal: one line per section with its documents, then the
 * uncovered sections, anything odd, and a summary line.
 *
 * @example
 * formatCoverage(coverageOf([{ number: 0, title: 'Bottom line' }, { number: 20, title: 'News' }], [{ id: 'a', facts: [0] }]));
 * // ['§0 Bottom line (1): a', '§20 News (0): —', '', 'Not covered by any document (1):', '  §20 News (optional)', '1 of 2 sections covered']
 */
export function formatCoverage(report: CoverageReport): string[] {
  const lines = report.sections.map((s) => `§${s.number} ${s.title} (${s.docIds.length}): ${s.docIds.length > 0 ? s.docIds.join(', ') : '—'}`);
  lines.push('');
  if (report.uncovered.length === 0) lines.push('Every section is covered.');
  else {
    lines.push(`Not covered by any document (${report.uncovered.length}):`);
    for (const s of report.uncovered) lines.push(`  §${s.number} ${s.title}${s.required ? '' : ' (optional)'}`);
  }
  if (report.missingRequired.length > 0) lines.push(`Missing from facts.md: ${report.missingRequired.map((n) => `§${n}`).join(', ')}`);
  for (const u of report.unknown) lines.push(`warning: ${u.id} lists §${u.number}, which facts.md does not have`);
  const coveredCount = report.sections.length - report.uncovered.length;
  lines.push(`${coveredCount} of ${report.sections.length} sections covered`);
  return lines;
}
