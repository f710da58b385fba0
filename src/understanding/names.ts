/**
 * Names in a message: marketplaces (Temu, Etsy), couriers (DHL, UPS) and postal services
 * (Canada Post, Royal Mail). They carry meaning: a Temu order is a purchase, DHL means the
 * parcel came by courier, Canada Post means it was posted in Canada. The table is data
 * (knowledge/names.yaml) so a content editor can add a name without code.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { Problem } from '../knowledge/types';
import { parseYamlData, zodProblems } from '../knowledge/yamlData';
import { nameText } from '../text/normalize';
import { escapeRegExp } from '../text/regexp';

export type NameType = 'marketplace' | 'courier' | 'postal';

/** One known name and what it tells about a shipment. */
export interface KnownName {
  name: string;
  type: NameType;
  aliases: string[];
  kind?: 'purchase';
  mode?: 'express' | 'mail';
  /** ISO code of the country the name belongs to (a postal service posts from it). */
  country?: string;
  /** Where the marketplace's parcels have usually come from: a hint, never a fact. */
  usuallyShipsFrom?: string;
}

/** A name found in a message. */
export interface NameMention {
  name: KnownName;
  /** Offset in the simplified text where it was found. */
  index: number;
}

export interface NameTable {
  names: KnownName[];
}

export const EMPTY_NAMES: NameTable = { names: [] };

/** The names file inside a knowledge folder. */
export const NAMES_FILE = 'names.yaml';

const code = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as CN');
const entry = z
  .object({
    name: z.string().trim().min(1, 'is empty'),
    aliases: z.array(z.string().trim().min(1, 'is empty')).default([]),
    kind: z.literal('purchase').optional(),
    mode: z.enum(['express', 'mail']).optional(),
    country: code.optional(),
    usually_ships_from: code.optional(),
  })
  .strict();
const fileSchema = z
  .object({ marketplaces: z.array(entry).default([]), couriers: z.array(entry).default([]), postal_services: z.array(entry).default([]) })
  .strict();

/**
 * Parses and validates the YAML text of a names file.
 *
 * @example
 * parseNames('couriers:\n  - { name: DHL, aliases: [dhl], mode: express }\n', 'names.yaml').table.names[0].mode; // 'express'
 */
export function parseNames(text: string, file: string): { table: NameTable; problems: Problem[] } {
  const read = parseYamlData(text, file, {});
  if (!read.ok) return { table: EMPTY_NAMES, problems: read.problems };
  const parsed = fileSchema.safeParse(read.data);
  if (!parsed.success) return { table: EMPTY_NAMES, problems: zodProblems(parsed.error, file) };
  const toName = (type: NameType) => (e: z.infer<typeof entry>): KnownName => ({
    name: e.name,
    type,
    aliases: [...new Set([e.name, ...e.aliases].map((a) => nameText(a)))],
    ...(e.kind ? { kind: e.kind } : {}),
    ...(e.mode ? { mode: e.mode } : {}),
    ...(e.country ? { country: e.country } : {}),
    ...(e.usually_ships_from ? { usuallyShipsFrom: e.usually_ships_from } : {}),
  });
  const names = [
    ...parsed.data.marketplaces.map(toName('marketplace')),
    ...parsed.data.couriers.map(toName('courier')),
    ...parsed.data.postal_services.map(toName('postal')),
  ];
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const n of names) {
    for (const alias of n.aliases) {
      const other = owner.get(alias);
      if (other && other !== n.name) problems.push({ file, field: n.name, problem: `alias "${alias}" is also an alias of ${other}`, severity: 'error' });
      owner.set(alias, n.name);
    }
  }
  return { table: { names }, problems };
}

/**
 * Reads a names file; a missing file gives the empty table (the names are optional).
 *
 * @example
 * loadNames('knowledge/names.yaml').table.names.length; // about 25
 */
export function loadNames(file: string): { table: NameTable; problems: Problem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Optional, like the vocabulary: without it messages are read without platform and carrier names.
    return { table: EMPTY_NAMES, problems: [] };
  }
  return parseNames(text, file);
}


/** One regular expression per table (longest alias first, so "canada post" beats "canada"). */
const matchers = new WeakMap<NameTable, { re: RegExp; byAlias: Map<string, KnownName> }>();

function matcherFor(table: NameTable): { re: RegExp; byAlias: Map<string, KnownName> } {
  let m = matchers.get(table);
  if (!m) {
    const byAlias = new Map<string, KnownName>();
    for (const n of table.names) for (const a of n.aliases) byAlias.set(a, n);
    const alternatives = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const re = alternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : /(?!)/gu;
    m = { re, byAlias };
    matchers.set(table, m);
  }
  return m;
}

const wordsOfNames = new WeakMap<NameTable, ReadonlySet<string>>();

/**
 * The lower-case words of every name and alias ("canada", "post", "shein"), for the typo
 * corrector: they are not misspellings, and a misspelt name is corrected to them.
 *
 * @example
 * nameWords(table).has('shein'); // true
 */
export function nameWords(table: NameTable): ReadonlySet<string> {
  let words = wordsOfNames.get(table);
  if (!words) {
    words = new Set(table.names.flatMap((n) => [n.name, ...n.aliases]).flatMap((a) => a.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length > 0));
    wordsOfNames.set(table, words);
  }
  return words;
}

/**
 * The known names a message mentions, each once, in order of appearance.
 *
 * @example
 * findNames('my temu order came with a DHL bill', table).map((m) => m.name.name); // ['Temu', 'DHL']
 */
export function findNames(text: string, table: NameTable): NameMention[] {
  const { re, byAlias } = matcherFor(table);
  const seen = new Set<string>();
  const found: NameMention[] = [];
  for (const m of nameText(text).matchAll(re)) {
    const name = byAlias.get(m[0]);
    if (!name || seen.has(name.name)) continue;
    seen.add(name.name);
    found.push({ name, index: m.index ?? 0 });
  }
  return found;
}
