/**
 * Knowledge that changes with the calendar. Every document may carry `effective: { from, to }`
 * (both dates inclusive, U.S. Eastern calendar dates): it is served only on those dates. A
 * document written for a change that is already scheduled (a successor) names the topic it
 * continues in `family` — the id of the topic's first version — so the bot answers with the
 * version in force on the clock's date, and links (`related`), feedback and `teach` that name
 * any version of the topic reach the one in force.
 *
 * Date selection lives here, above the index: `DatedKnowledge.at(date)` returns an ordinary
 * `KnowledgeBase` built with `KnowledgeBase.fromDocuments` from the documents in force on that
 * date. One index is kept per validity window (the dates between two boundaries, where a
 * document starts or ends), so the index is rebuilt only when the date crosses a boundary.
 *
 * @example
 * const dated = new DatedKnowledge(docs, synonyms);
 * dated.at('2027-07-15').answer('is the $800 de minimis still available?').best?.id; // 'de-minimis-ended'
 * dated.at('2027-07-15').get('de-minimis-suspended')?.id;                            // 'de-minimis-ended' (same family)
 */
import { nextDay } from '../dates';
import { KnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base';
import { EMPTY_SYNONYMS, type SynonymTable } from './synonyms';
import { mergeTaught, OUT_OF_SCOPE, withTaught, type Taught } from './taught';
import type { KnowledgeDoc } from './types';

/**
 * The topic a document is a version of: its `family`, else its own id.
 *
 * @example
 * familyOf({ id: 'de-minimis-ended', family: 'de-minimis-suspended', … }); // 'de-minimis-suspended'
 */
export function familyOf(doc: Pick<KnowledgeDoc, 'id' | 'family'>): string {
  return doc.family ?? doc.id;
}

/**
 * Whether a document is served on a date (YYYY-MM-DD): `from` ≤ date ≤ `to`, each when given.
 *
 * @example
 * inForce({ effective: { to: '2027-06-30' } }, '2027-06-30'); // true
 * inForce({ effective: { to: '2027-06-30' } }, '2027-07-01'); // false
 */
export function inForce(doc: Pick<KnowledgeDoc, 'effective'>, date: string): boolean {
  const { from, to } = doc.effective ?? {};
  return (!from || from <= date) && (!to || date <= to);
}

/**
 * The sorted dates on which the set of served documents changes: every `from`, and the day
 * after every `to`.
 *
 * @example
 * boundaries([{ effective: { to: '2027-06-30' } }, { effective: { from: '2027-07-01' } }]); // ['2027-07-01']
 */
export function boundaries(docs: readonly Pick<KnowledgeDoc, 'effective'>[]): string[] {
  const cuts = new Set<string>();
  for (const doc of docs) {
    if (doc.effective?.from) cuts.add(doc.effective.from);
    if (doc.effective?.to) cuts.add(nextDay(doc.effective.to));
  }
  return [...cuts].sort();
}

/**
 * The documents served on a date.
 *
 * @example
 * servedOn(docs, '2027-07-15').map((d) => d.id);
 */
export function servedOn<T extends Pick<KnowledgeDoc, 'effective'>>(docs: readonly T[], date: string): T[] {
  return docs.filter((d) => inForce(d, date));
}

/** Every version of each document's family, oldest first; read by the staff `kb` and `stats` reports. */
const versionRegistry = new WeakMap<KnowledgeDoc, readonly KnowledgeDoc[]>();

/**
 * Every version of a document's topic, oldest first (by `effective.from`), including the
 * document itself. A document that did not come through a `DatedKnowledge` is its own only version.
 *
 * @example
 * versionsOf(kb.get('de-minimis-suspended')!).map((d) => d.id); // ['de-minimis-suspended', 'de-minimis-ended']
 */
export function versionsOf(doc: KnowledgeDoc): readonly KnowledgeDoc[] {
  return versionRegistry.get(doc) ?? [doc];
}

/**
 * Every family of a set of documents, each with its versions oldest first.
 *
 * @example
 * families(docs).get('de-minimis-suspended')?.map((d) => d.id); // ['de-minimis-suspended', 'de-minimis-ended']
 */
export function families(docs: readonly KnowledgeDoc[]): Map<string, KnowledgeDoc[]> {
  const byFamily = new Map<string, KnowledgeDoc[]>();
  for (const doc of docs) {
    const family = familyOf(doc);
    byFamily.set(family, [...(byFamily.get(family) ?? []), doc]);
  }
  for (const versions of byFamily.values()) versions.sort((a, b) => (a.effective?.from ?? '').localeCompare(b.effective?.from ?? '') || a.id.localeCompare(b.id));
  return byFamily;
}

/** How many validity windows keep their index; the clock only moves forward, so two would do. */
const CACHED_WINDOWS = 4;

/**
 * All versions of all documents, and the knowledge base in force on any date.
 *
 * @example
 * const dated = new DatedKnowledge(docs, synonyms);
 * const kb = dated.at(easternDate(clock()));
 */
export class DatedKnowledge {
  /** Every document, served or not. */
  readonly documents: readonly KnowledgeDoc[];
  private readonly cuts: string[];
  private readonly familyById: Map<string, string>;
  private readonly byFamily: Map<string, KnowledgeDoc[]>;
  private readonly cache = new Map<string, KnowledgeBase>();

  /**
   * `options.taught`: questions staff taught (taught.ts), keyed by document id or family; on each
   * date they go to the version of that topic in force.
   */
  constructor(
    docs: readonly KnowledgeDoc[],
    private readonly synonyms: SynonymTable = EMPTY_SYNONYMS,
    private readonly options: KnowledgeBaseOptions & { taught?: Taught } = {},
  ) {
    this.documents = Object.freeze([...docs]);
    this.cuts = boundaries(docs);
    this.familyById = new Map(docs.map((d) => [d.id, familyOf(d)]));
    this.byFamily = families(docs);
    for (const versions of this.byFamily.values()) for (const doc of versions) versionRegistry.set(doc, versions);
  }

  /**
   * The first day of the validity window holding `date` ('' before the first boundary).
   *
   * @example
   * dated.windowStart('2027-07-15'); // '2027-07-01'
   */
  windowStart(date: string): string {
    let start = '';
    for (const cut of this.cuts) {
      if (cut > date) break;
      start = cut;
    }
    return start;
  }

  /**
   * The knowledge base in force on a date (YYYY-MM-DD): only documents whose `effective`
   * period contains the date are indexed, and `get(id)` also accepts the id of any other
   * version of a topic (or its family), returning the version in force.
   */
  at(date: string): KnowledgeBase {
    const start = this.windowStart(date);
    let kb = this.cache.get(start);
    if (kb) {
      // Most recently used last.
      this.cache.delete(start);
      this.cache.set(start, kb);
      return kb;
    }
    kb = this.build(date);
    this.cache.set(start, kb);
    if (this.cache.size > CACHED_WINDOWS) this.cache.delete(this.cache.keys().next().value as string);
    return kb;
  }

  /**
   * Every version of a topic, oldest first, given its family or the id of any version.
   *
   * @example
   * dated.versions('de-minimis-ended').map((d) => d.id); // ['de-minimis-suspended', 'de-minimis-ended']
   */
  versions(familyOrId: string): readonly KnowledgeDoc[] {
    return this.byFamily.get(this.familyById.get(familyOrId) ?? familyOrId) ?? [];
  }

  /**
   * The id of the version of a topic in force on a date, given its family or any version's id.
   *
   * @example
   * dated.resolve('de-minimis-suspended', '2027-07-15'); // 'de-minimis-ended'
   */
  resolve(familyOrId: string, date: string): string | undefined {
    return this.versions(familyOrId).find((d) => inForce(d, date))?.id;
  }

  /** Taught questions keyed by the id of the version in force on `date` (targets with none are dropped). */
  private taughtOn(date: string): Taught {
    const taught: Taught = {};
    for (const [target, questions] of Object.entries(this.options.taught ?? {})) {
      const id = target === OUT_OF_SCOPE ? target : this.resolve(target, date);
      if (id) taught[id] = [...(taught[id] ?? []), ...questions];
    }
    return taught;
  }

  private build(date: string): KnowledgeBase {
    const taught = this.taughtOn(date);
    const original = servedOn(this.documents, date);
    const served = mergeTaught(original, taught);
    served.forEach((doc, i) => {
      if (doc !== original[i]) versionRegistry.set(doc, versionsOf(original[i]));
    });
    const kb = KnowledgeBase.fromDocuments(served, this.synonyms, this.options);
    const servedByFamily = new Map(served.map((d) => [familyOf(d), d]));
    const byId = kb.get.bind(kb);
    const familyById = this.familyById;
    // The index knows only the documents in force; a link to another version of the same topic
    // (or to the family itself) reaches the version in force instead of nothing.
    Object.defineProperty(kb, 'get', {
      value: (id: string): KnowledgeDoc | undefined => byId(id) ?? servedByFamily.get(familyById.get(id) ?? id),
      enumerable: false,
    });
    return withTaught(kb, taught);
  }
}
