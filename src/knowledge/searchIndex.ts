/**
 * Building a minisearch index in one pass. `MiniSearch#addAll` indexes token by token: each
 * occurrence of a word is a lookup in its radix tree and two map updates. {@link buildSearchIndex}
 * counts each field's tokens first, adds each distinct term of a field once, and hands minisearch
 * the finished index: document ids and field lengths through its documented `MiniSearch.loadJS`
 * (the form `JSON.stringify(index)` produces), the postings straight into its radix tree, as
 * loadJS puts them there, so the tree gets each distinct term once.
 *
 * The index is the same as `addAll` builds, down to its serialised form: the same document ids,
 * field lengths (distinct terms per field), running average field lengths (computed with the
 * same floating-point steps), postings and term order (terms enter the tree in the order
 * `addAll` would insert them, so prefix and fuzzy lookups visit them in the same order).
 * searchIndex.test.ts compares the two.
 */
import MiniSearch, { type Options } from 'minisearch';

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
  /** term → fieldId → shortId → occurrences, terms in the order addAll would first insert them. */
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
      const fieldId = fieldIds[field];
      // Occurrences of each distinct token, in first-occurrence order.
      const counts = new Map<string, number>();
      for (const token of tokenize(stringifyField(value, field), field)) counts.set(token, (counts.get(token) ?? 0) + 1);
      const length = counts.size;
      (fieldLength[shortId] ??= [])[fieldId] = length;
      // As minisearch's addFieldLength: a running average over the documents added so far.
      const average = averageFieldLength[fieldId] || 0;
      averageFieldLength[fieldId] = (average * shortId + length) / (shortId + 1);
      const add = (term: string, occurrences: number) => {
        let byField = postings.get(term);
        if (!byField) postings.set(term, (byField = new Map()));
        let byDocument = byField.get(fieldId);
        if (!byDocument) byField.set(fieldId, (byDocument = new Map()));
        byDocument.set(shortId, (byDocument.get(shortId) ?? 0) + occurrences);
      };
      // processTerm is a function of the token (as minisearch assumes), so a token's occurrences
      // are added at once.
      for (const [token, occurrences] of counts) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) for (const t of processed) add(t, occurrences);
        else if (processed) add(processed, occurrences);
      }
    }
  });

  // Everything but the postings through the documented serialised form; the postings are put
  // into the tree as loadJS would put them, without the round trip through plain objects.
  const index = MiniSearch.loadJS<T>(
    {
      documentCount: documents.length,
      nextId: documents.length,
      documentIds,
      fieldIds,
      fieldLength,
      averageFieldLength,
      storedFields,
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const tree = (index as unknown as { _index?: { set?(term: string, data: Map<number, Map<number, number>>): void } })._index;
  if (typeof tree?.set !== 'function') {
    // Not the minisearch this was written for (the version is pinned): index as minisearch does.
    const added = new MiniSearch<T>(options);
    added.addAll(documents);
    return added;
  }
  for (const [term, byField] of postings) tree.set(term, byField);
  return index;
}
