/**
 * The shape of `knowledge/rules/duty-free.yaml`, checked with zod. Messages are written for the
 * content editor who will read them in `npm run kb:check`.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { FACT_KEYS, KINDS, MODES, VERDICTS } from './types';

const text = z.string({ required_error: 'required', invalid_type_error: 'write a text here' }).trim().min(1, 'must not be empty');

const isoDate = z
  .string({ invalid_type_error: 'write the date as YYYY-MM-DD, for example 2025-08-29' })
  .refine(isIsoDate, 'write a real date as YYYY-MM-DD, for example 2025-08-29');

const kind = z.enum(KINDS, { errorMap: () => ({ message: `a kind is one of: ${KINDS.join(', ')}` }) });
const mode = z.enum(MODES, { errorMap: () => ({ message: `a mode is one of: ${MODES.join(', ')}` }) });
const verdict = z.enum(VERDICTS, { errorMap: () => ({ message: `a result is one of: ${VERDICTS.join(', ')}` }) });
const usd = z.number({ invalid_type_error: 'write an amount in U.S. dollars as a number, like 800' }).nonnegative('must not be negative');
const sourceKeys = z
  .array(z.string(), { required_error: 'list at least one source key from the sources section' })
  .min(1, 'list at least one source key from the sources section');

const kinds = z.array(kind, { required_error: `say which kinds of shipment this is about (${KINDS.join(', ')})` }).min(1);
const countries = z.array(z.string()).min(1, 'list at least one country code or leave the field out');
const contentIds = z.array(z.string()).min(1, 'list at least one content id');
const headline = z.string({ required_error: 'this type of rule needs a headline (the short phrase after "Result: …")' }).trim().min(1);

const common = {
  id: z.string({ required_error: 'every rule needs an id' }).regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, like "gift-limit"'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  reason: text,
  basis: text.optional(),
  sources: sourceKeys,
};

const rule = z.discriminatedUnion(
  'type',
  [
    z
      .object({ ...common, type: z.literal('not-covered'), kinds: kinds.optional(), countries: countries.optional(), exceptCountries: countries.optional(), overUsd: usd.optional(), upToUsd: usd.optional(), headline })
      .strict(),
    z.object({ ...common, type: z.literal('refer'), kinds, headline }).strict(),
    z.object({ ...common, type: z.literal('not-available'), kinds, countries: countries.optional(), headline }).strict(),
    z.object({ ...common, type: z.literal('limit'), kinds, countries: countries.optional(), maxUsd: usd }).strict(),
    z.object({ ...common, type: z.literal('same-day'), kinds }).strict(),
    z
      .object({ ...common, type: z.literal('excluded'), kinds, contents: contentIds, allowedUpToUsd: usd.optional(), headline })
      .strict(),
    z.object({ ...common, type: z.literal('split-order'), kinds, headline }).strict(),
    z
      .object({
        ...common,
        type: z.literal('entry'),
        kinds: kinds.optional(),
        modes: z.array(mode).min(1).optional(),
        countries: countries.optional(),
        contents: contentIds.optional(),
      })
      .strict(),
    z.object({ ...common, type: z.literal('note'), kinds: kinds.optional() }).strict(),
  ],
  {
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_union_discriminator'
        ? { message: 'type must be one of: not-covered, refer, not-available, limit, same-day, excluded, split-order, entry, note' }
        : { message: ctx.defaultError },
  },
);

const choice = z.object({ label: text, value: z.union([z.string(), z.number()]).transform(String) }).strict();

const questionTexts = {
  label: text,
  dependsOn: text,
  prompt: text,
  help: text,
  choices: z.array(choice).min(1).optional(),
};

const question = z
  .object({
    ...questionTexts,
    byKind: z
      .record(kind, z.object({ ...questionTexts, label: text.optional(), dependsOn: text.optional(), prompt: text.optional(), help: text.optional() }).strict())
      .optional(),
  })
  .strict();

const kindText = z.object({ dutyFree: text, ifPhrase: text, basis: text }).strict();

/** Every key of the `wording` section; the engine needs all of them. */
export const WORDING_KEYS = [
  'notSure', 'yes', 'no', 'noneOfThese', 'onlyThis', 'and', 'assumedToday', 'notDutyFree', 'dependsOn', 'outOfScope', 'anyDate',
  'valueWithin', 'valueOver', 'valueOverHeadline', 'sameDayWithin', 'sameDayOver', 'sameDayOverHeadline', 'contentsNone',
  'contentsFound', 'smallShipment', 'notSplit', 'isSplit', 'dependsOnFact', 'ifEntered', 'ifKind', 'rangeFrom', 'rangeUpTo',
  'rangeBetween', 'noRule', 'futureDate', 'basis', 'thatDay',
] as const;

const wording = z.object(Object.fromEntries(WORDING_KEYS.map((k) => [k, text])) as Record<(typeof WORDING_KEYS)[number], typeof text>).strict();

const contentItem = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    label: text,
    help: text,
    words: z.array(text).min(1, 'list the words people type for this'),
  })
  .strict();

const nextStep = z
  .object({ when: z.array(verdict).min(1).optional(), kinds: kinds.optional(), text, sources: sourceKeys.optional() })
  .strict();

const source = z
  .object({
    title: text,
    url: z.string({ required_error: 'every source needs a url' }).url('write a full web address starting with https://').refine((u) => /^https?:\/\//.test(u), 'the address must start with http:// or https://'),
  })
  .strict();

/** The whole rule file as written (source keys not yet resolved). */
export const ruleFileSchema = z
  .object({
    reviewed: isoDate,
    reminder: text,
    rules: z.array(rule).min(1, 'the file needs at least one rule'),
    kinds: z.object({ purchase: kindText, gift: kindText, traveler: kindText, warehouse: kindText }).strict(),
    contents: z.array(contentItem).min(1),
    questions: z.object(Object.fromEntries(FACT_KEYS.map((k) => [k, question])) as Record<(typeof FACT_KEYS)[number], typeof question>).strict(),
    wording,
    nextSteps: z.array(nextStep),
    generalSources: sourceKeys,
    sources: z.record(z.string(), source),
  })
  .strict();

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type RuleEntry = RuleFile['rules'][number];
