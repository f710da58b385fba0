/**
 * The synonym/acronym table and the "other CBP matters" term list, kept as data in
 * knowledge/synonyms.yaml so a content editor can extend them:
 *
 * ```yaml
 * synonyms:            # groups of equivalent terms; multi-word phrases allowed
 *   - [de minimis, section 321, duty-free, low-value]
 *   - [importer of record, IOR]
 * other_cbp:           # questions about these go to the CBP Info Center
 *   - global entry
 *   - ESTA
 * carried:             # a traveller's words: with a food, plant or animal, also the Info Center
 *   - suitcase
 * ```
 *
 * The foods, plants and animals are carried-goods.txt beside the file (carriedGoods.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Problem, SynonymTable } from './types';
import { isStopWord } from './stopwords';
import { stems } from './words';
import { mergeVocabulary, readVocabulary } from './vocabulary';
import { readCarriedGoods } from './carriedGoods';
import { parseYamlData, zodProblems } from './yamlData';

export type { SynonymTable };

/** A table with nothing in it: plain search without synonyms. */
export const EMPTY_SYNONYMS: SynonymTable = { groups: [], otherCbp: [] };

// YAML reads `321` as a number; an editor should not have to quote it.
const term = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1, 'is empty'));

const fileSchema = z
  .object({
    synonyms: z.array(z.array(term).min(2, 'a group needs at least 2 terms')).default([]),
    other_cbp: z.array(term).default([]),
    carried: z.array(term).default([]),
  })
  .strict();

/**
 * The single search term a group's phrases become: its first term's stems joined by "_".
 *
 * @example
 * groupTerm(['importer of record', 'IOR']); // 'importer_of_record'
 */
export function groupTerm(group: readonly string[]): string {
  return stems(group[0]).join('_');
}

/** Checks that need analysis: empty phrases, stop words used alone, a phrase in two groups. */
function checkTerms(table: SynonymTable, file: string): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, number>();
  table.groups.forEach((group, g) => {
    group.forEach((t, k) => {
      const field = `synonyms[${g}][${k}]`;
      const s = stems(t);
      if (s.length === 0) {
        problems.push({ file, field, problem: `"${t}" has no letters or digits`, severity: 'error' });
        return;
      }
      if (s.length === 1 && isStopWord(s[0])) {
        problems.push({ file, field, problem: `"${t}" is a common word; as a synonym it would misfire on ordinary sentences`, severity: 'error' });
      }
      const key = s.join(' ');
      const previous = owner.get(key);
      if (previous === g) {
        problems.push({ file, field, problem: `"${t}" repeats a term of the same group`, severity: 'warning' });
      } else if (previous !== undefined) {
        problems.push({ file, field, problem: `"${t}" is also in group ${previous} (synonyms[${previous}]); a term may belong to one group only`, severity: 'error' });
      } else {
        owner.set(key, g);
      }
    });
  });
  const searchable = (list: readonly string[], section: string) =>
    list.forEach((t, k) => {
      if (stems(t).every(isStopWord)) problems.push({ file, field: `${section}[${k}]`, problem: `"${t}" has no words that search can use`, severity: 'error' });
    });
  searchable(table.otherCbp, 'other_cbp');
  searchable(table.carried ?? [], 'carried');
  return problems;
}

/**
 * Parses and validates the YAML text of a synonyms file.
 *
 * @example
 * parseSynonyms('synonyms:\n  - [fake, counterfeit]\n', 'synonyms.yaml');
 * // { table: { groups: [['fake', 'counterfeit']], otherCbp: [] }, problems: [] }
 */
export function parseSynonyms(text: string, file: string): { table: SynonymTable; problems: Problem[] } {
  const read = parseYamlData(text, file, {});
  if (!read.ok) return { table: EMPTY_SYNONYMS, problems: read.problems };
  const parsed = fileSchema.safeParse(read.data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, file, (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown section(s) ${issue.keys.join(', ')}; allowed: synonyms, other_cbp, carried` : issue.message,
    );
    return { table: EMPTY_SYNONYMS, problems };
  }
  const table: SynonymTable = { groups: parsed.data.synonyms, otherCbp: parsed.data.other_cbp, carried: parsed.data.carried };
  return { table, problems: checkTerms(table, file) };
}

/** People's words for the documents' words, beside the synonyms file; see vocabulary.ts. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

/**
 * Reads and validates a synonyms file, with the vocabulary file beside it (vocabulary.yaml,
 * optional) merged in, and the carried-goods words beside it (carried-goods.txt, optional). A
 * missing synonyms file is a warning and gives the empty table.
 *
 * @example
 * const { table, problems } = loadSynonyms('knowledge/synonyms.yaml');
 */
export function loadSynonyms(file: string): { table: SynonymTable; problems: Problem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { table: EMPTY_SYNONYMS, problems: [{ file, field: '(file)', problem: 'no synonym table; search runs without synonyms', severity: 'warning' }] };
  }
  const parsed = parseSynonyms(text, file);
  const synonyms = { ...parsed, table: { ...parsed.table, carriedGoods: readCarriedGoods(path.dirname(file)) } };
  const vocabularyFile = path.join(path.dirname(file), VOCABULARY_FILE);
  const vocabulary = readVocabulary(vocabularyFile);
  if (vocabulary.entries.length === 0) return { table: synonyms.table, problems: [...synonyms.problems, ...vocabulary.problems] };
  const table = mergeVocabulary(synonyms.table, vocabulary.entries);
  // A vocabulary phrase that is already in another group, or a common word, is the editor's to fix.
  const merged = checkTerms(table, vocabularyFile).filter((p) => !synonyms.problems.some((q) => q.problem === p.problem));
  return { table, problems: [...synonyms.problems, ...vocabulary.problems, ...merged] };
}
