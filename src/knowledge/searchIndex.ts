/**
 * Building a minisearch index in one pass. `MiniSearch#addAll` indexes token by token: each
 * occurrence of a word is a lookup in its radix tree and two map updates, which made indexing
 * most of the knowledge base's build time at 10,000 documents. {@link buildSearchIndex} counts
 * the tokens in plain maps first and hands minisearch the finished index through its documented
 * `MiniSearch.loadJS` (the form `JSON.stringify(index)` produces), so the tree gets each
 * distinct term once.
 *
 * The index is the same as `addAll` builds, down to its serialised form: the same document ids,
 * field lengths (distinct terms per field), running average field lengths (computed with the
 * same floating-point steps), postings and term order (terms enter the tree in the order
 * `addAll` would insert them, so prefix and fuzzy lookups visit them in the same order).
 * searchIndex.test.ts compares the two.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * `new MiniSearch(options)` with `documents` added, as `index.addAll(documents)` would, built in
 * one pass. Options are minisearch's own (`fields`, `idField`, `extractField`, `stringifyField`,
 * `tokenize`, `processTerm`, `storeFields`).
 *
 * @example
 * const index = buildSearchIndex(docs, { fields: ['title', 'body'] });
 * index.search('duty'); // as after new MiniSearch({ fields: ['title', 'body'] }).addAll(docs)
 */
export function buildSearchIndex<T>(documents: readonly T[], options: Options<T>): MiniSearch<T> {
  // minisearch's defaults, so the options mean what they mean to minisearch.
  const idField = options.idField ?? MiniSearch.getDefault('idField');
  const extractField = (options.extractField ?? MiniSearch.getDefault('extractField')) as NonNullable<Options<T>['extractField']>;
  const stringifyField = (options.stringifyField ?? MiniSearch.getDefault('stringifyField')) as NonNullable<Options<T>['stringifyField']>;
  const tokenize = (options.tokenize ?? MiniSearch.getDefault('tokenize')) as NonNullable<Options<T>['tokenize']>;
  const processTerm = (options.processTerm ?? MiniSearch.getDefault('processTerm')) as NonNullable<Options<T>['processTerm']>;
  const storeFields = options.storeFields ?? [];
  const { fields } = options;

  const fieldIds: Record<string, number> = {};
  fields.forEach((field, i) => (fieldIds[field] = i));
  const documentIds: Record<string, unknown> = {};
  const seenIds = new Set<unknown>();
  const fieldLength: Record<string, number[]> = {};
  const averageFieldLength: number[] = [];
  const storedFields: Record<string, Record<string, unknown>> = {};
  /** term → fieldId → shortId → occurrences, terms in first-occurrence order. */
  const postings = new Map<string, Map<number, Map<number, number>>>();

  documents.forEach((document, shortId) => {
    const id = extractField(document, idField);
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    if (seenIds.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    seenIds.add(id);
    documentIds[shortId] = id;
    if (storeFields.length > 0) {
      const stored: Record<string, unknown> = {};
      for (const name of storeFields) {
        const value = extractField(document, name);
        if (value !== undefined) stored[name] = value;
      }
      storedFields[shortId] = stored;
    }
    for (const field of fields) {
      const value = extractField(document, field);
      if (value == null) continue;
      const tokens = tokenize(stringifyField(value, field), field);
      const fieldId = fieldIds[field];
      const length = new Set(tokens).size;
      (fieldLength[shortId] ??= [])[fieldId] = length;
      // As minisearch's addFieldLength: a running average over the documents added so far.
      const average = averageFieldLength[fieldId] || 0;
      averageFieldLength[fieldId] = (average * shortId + length) / (shortId + 1);
      const add = (term: string) => {
        let byField = postings.get(term);
        if (!byField) postings.set(term, (byField = new Map()));
        let byDocument = byField.get(fieldId);
        if (!byDocument) byField.set(fieldId, (byDocument = new Map()));
        byDocument.set(shortId, (byDocument.get(shortId) ?? 0) + 1);
      };
      for (const token of tokens) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) for (const t of processed) add(t);
        else if (processed) add(processed);
      }
    }
  });

  const index: AsPlainObject['index'] = [];
  for (const [term, byField] of postings) {
    const entry: Record<string, Record<string, number>> = {};
    for (const [fieldId, byDocument] of byField) entry[fieldId] = Object.fromEntries(byDocument);
    index.push([term, entry]);
  }
  return MiniSearch.loadJS<T>(
    {
      documentCount: documents.length,
      nextId: documents.length,
      documentIds,
      fieldIds,
      fieldLength,
      averageFieldLength,
      storedFields,
      dirtCount: 0,
      index,
      serializationVersion: 2,
    },
    options,
  );
}
