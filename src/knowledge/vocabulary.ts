/**
 * People's words for the knowledge base's words: "tariff" for duty, "is de minimis dead" for
 * suspended, "ELI5" for meaning. Kept as data in knowledge/vocabulary.yaml, beside the synonym
 * table, and merged into it: each entry names a word the documents use (`means`) and the ways
 * people say it (`say`). A test holds every entry to at least one development-set message that
 * uses it, so the list stays honest.
 *
 * ```yaml
 * - means: suspension
 *   say: [dead, still alive, still a thing]
 * ```
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { Problem, SynonymTable } from './types';
import { stems } from './words';
import { parseYamlData, zodProblems } from './yamlData';

/** One mapping from people's words to the knowledge base's. */
export interface VocabularyEntry {
  means: string;
  say: string[];
}

const phrase = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1, 'is empty'));
const fileSchema = z.array(z.object({ means: phrase, say: z.array(phrase).min(1, 'needs at least one phrase') }).strict()).default([]);

/**
 * Parses and validates the YAML text of a vocabulary file.
 *
 * @example
 * parseVocabulary('- means: suspension\n  say: [dead]\n', 'vocabulary.yaml').entries; // [{ means: 'suspension', say: ['dead'] }]
 */
export function parseVocabulary(text: string, file: string): { entries: VocabularyEntry[]; problems: Problem[] } {
  const read = parseYamlData(text, file, []);
  if (!read.ok) return { entries: [], problems: read.problems };
  const parsed = fileSchema.safeParse(read.data);
  if (!parsed.success) return { entries: [], problems: zodProblems(parsed.error, file) };
  return { entries: parsed.data, problems: [] };
}

/**
 * Reads a vocabulary file; a missing file gives no entries and no problem (it is optional).
 *
 * @example
 * readVocabulary('knowledge/vocabulary.yaml').entries.length; // about 20
 */
export function readVocabulary(file: string): { entries: VocabularyEntry[]; problems: Problem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { entries: [], problems: [] };
  }
  return parseVocabulary(text, file);
}

/**
 * The synonym table with the vocabulary merged in: each entry's phrases join the group that
 * holds its `means` word, or form a new group led by it.
 *
 * @example
 * mergeVocabulary({ groups: [['suspension', 'pause']], otherCbp: [] }, [{ means: 'suspension', say: ['dead'] }]).groups;
 * // [['suspension', 'pause', 'dead']]
 */
export function mergeVocabulary(table: SynonymTable, entries: readonly VocabularyEntry[]): SynonymTable {
  const groups = table.groups.map((g) => [...g]);
  for (const entry of entries) {
    const key = stems(entry.means).join(' ');
    const group = groups.find((g) => g.some((t) => stems(t).join(' ') === key));
    if (group) group.push(...entry.say);
    else groups.push([entry.means, ...entry.say]);
  }
  return { ...table, groups };
}
