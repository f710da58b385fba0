/**
 * The duty-free eligibility rules engine: effective-dated rules as data
 * (`knowledge/rules/duty-free.yaml`), pure functions to decide and to ask, and parsers for
 * people's answers. Imports nothing from botbuilder.
 *
 * @example
 * const rules = loadRuleSet('knowledge/rules/duty-free.yaml');
 * const today = easternDate(new Date());
 * nextQuestion({}, rules, today); // { fact: 'kind', prompt: 'What kind of shipment is it?', … }
 * assess({ kind: 'purchase' }, rules, today).headline; // 'Result: not duty-free — …'
 */
export * from './types';
export { loadRuleSet, checkRuleFile, parseRuleFile, RuleFileError } from './loader';
export { nextQuestion, questionFor } from './questions';
export { assess, RESULT_PREFIX } from './assess';
export { displayDate, easternDate, isIsoDate } from '../dates';
export { formatUsd, joinWords, lowerFirst } from './format';
export { countryName, countriesInUse, isCountryCode, useCountries } from './countries';
export { rulesChangeBetween } from './changes';
export { exemptionSuspended } from './evaluate';
export * from './parse';
