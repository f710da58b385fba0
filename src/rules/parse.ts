/**
 * Parsers for people's answers in the guided check. Pure functions; dates are read relative to
 * the `today` passed in (a U.S. Eastern calendar date), never the clock.
 *
 * @example
 * parseMoney('US$45'); // { usd: 45 }
 * parseDate('last Tuesday', '2026-11-25'); // { ok: true, date: '2026-11-24' }
 * parseCountry('Britain'); // 'GB'
 * parseYesNo('nope'); // false
 */
export { parseMoney, findMoney, type ParsedMoney } from './parse/money';
export { parseDate, withHolidaysAsMonths, withYearsNamed, type ParsedDate } from './parse/date';
export { parseCountry } from './parse/country';
export { parseYesNo, parseKind, parseMode, parseContents, deniesContents, isUnsure } from './parse/words';
export { parseAnswer, applyAnswer, type ParsedAnswer, type AnswerContext } from './parse/answer';
export { extractFacts, mentionsPastArrival, originsNamed, withBothDaysDated, type ExtractedFacts } from './parse/extract';
export { probableOrigin, placeReadings, countriesAbroad, countryOfLeadingPlace, countryOfPlace, type ProbableOrigin, type PlaceReading } from './parse/places';
export { factsInAnswer, isQuestion, withoutNegations, type FactsInAnswer } from './parse/statement';
export { readAnswer, entryDateProblem, isNewCheck, isChangeDate, MAX_ANSWER_CHARS, type AnswerReading, type EntryDateProblem, type AskedQuestion, type ReadingContext } from './parse/reading';
export { looksLikeQuestion, asksInsteadOfAnswering } from './parse/question';
