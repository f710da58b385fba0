/**
 * The front matter of a knowledge document, as a zod schema. Messages are written for a
 * content editor: kb:check prints them as `file: field: problem`.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates';

export const TOPICS = [
  'section-321', 'postal', 'entry', 'gifts-travel', 'counterfeits', 'compliance',
  'pilot-rulings', 'tariffs-refunds', 'contact', 'glossary',
  // Added with facts.md sections 10–19 (Dec 2026): courier/broker bills and refusing a parcel;
  // Canada/Mexico, origin, returns and duty-paid selling; goods with their own rules; and
  // pointers to other authorities for questions that are not about U.S. e-commerce entry.
  'charges-disputes', 'cross-border', 'restricted-goods', 'referrals',
] as const;
/** Sections of ../shared/domain/facts.md (0–20); a document lists those it is written from. */
export const FACT_SECTIONS = { min: 0, max: 20 } as const;
export const AUDIENCES = ['consumer', 'seller', 'importer', 'staff'] as const;
export const MAX_LABEL_LENGTH = 25;
export const MIN_QUESTIONS = 3;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// YAML turns an unquoted 2026-11-25 into a Date (midnight UTC); take the date back out.
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string({ required_error: 'is missing', invalid_type_error: 'must be a date written YYYY-MM-DD' }).refine(isIsoDate, 'must be a real date written YYYY-MM-DD'),
);

const text = z.string({ required_error: 'is missing', invalid_type_error: 'must be text' }).trim().min(1, 'is empty');
const docId = z.string({ invalid_type_error: 'must be text' }).regex(KEBAB, 'must be kebab-case (a-z, 0-9 and single hyphens)');

const httpUrl = z
  .string({ required_error: 'is missing', invalid_type_error: 'must be text' })
  .url('must be a full URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');

export const frontMatterSchema = z
  .object({
    id: z.string({ required_error: 'is missing', invalid_type_error: 'must be text' }).regex(KEBAB, 'must be kebab-case (a-z, 0-9 and single hyphens)'),
    title: text,
    label: text.pipe(z.string().max(MAX_LABEL_LENGTH, `must be at most ${MAX_LABEL_LENGTH} characters (it is a button)`)),
    topic: z.enum(TOPICS, { errorMap: () => ({ message: `must be one of ${TOPICS.join(', ')}` }) }),
    audience: z
      .array(z.enum(AUDIENCES, { errorMap: () => ({ message: `must be one of ${AUDIENCES.join(', ')}` }) }), { required_error: 'is missing', invalid_type_error: 'must be a list' })
      .min(1, 'needs at least one audience'),
    questions: z.array(text, { required_error: 'is missing', invalid_type_error: 'must be a list' }).min(MIN_QUESTIONS, `needs at least ${MIN_QUESTIONS} questions`),
    sources: z
      .array(z.object({ title: text, url: httpUrl }).strict(), { required_error: 'is missing', invalid_type_error: 'must be a list' })
      .min(1, 'needs at least one source'),
    reviewed: isoDate,
    effective: z
      .object({ from: isoDate.optional(), to: isoDate.optional() }, { invalid_type_error: 'must be { from, to }' })
      .strict()
      .refine((e) => !(e.from && e.to && e.from > e.to), { message: '"from" must not be after "to"' })
      .optional(),
    /**
     * Versions of one topic share a family (the id of the first version): a later version names
     * it here, so links, feedback and `teach` that use the family reach the version in force.
     * Defaults to the document's own id.
     */
    family: docId.optional(),
    /** A date when the text is expected to go stale (a comment period, a test, a court date). */
    review_by: isoDate.optional(),
    related: z.array(docId, { invalid_type_error: 'must be a list of document ids' }).default([]),
    uncertain: z.boolean({ invalid_type_error: 'must be true or false' }).default(false),
    /**
     * The document answers questions about goods going into another country (a pointer to that
     * country's authority): it is served only when a message is about that, never for a
     * question about goods entering the United States.
     */
    abroad: z.boolean({ invalid_type_error: 'must be true or false' }).default(false),
    /**
     * For a document marked `abroad`: the countries whose customs it points to (ISO 3166 codes,
     * `[GB]`); absent, it is the pointer for every other country.
     */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'must be a list of two-letter country codes (GB, CA)'), { invalid_type_error: 'must be a list of two-letter country codes (GB, CA)' }).optional(),
    /** facts.md sections this document is written from, for `npm run kb:coverage`. */
    facts: z
      .array(z.number({ invalid_type_error: 'must be a list of facts.md section numbers' }).int().min(FACT_SECTIONS.min).max(FACT_SECTIONS.max, `must be a facts.md section number ${FACT_SECTIONS.min}–${FACT_SECTIONS.max}`), { invalid_type_error: 'must be a list of facts.md section numbers' })
      .default([]),
  })
  .strict()
  .refine((fm) => !fm.countries || fm.abroad, { message: 'only a document marked abroad names countries', path: ['countries'] });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
