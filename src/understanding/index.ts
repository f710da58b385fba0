/**
 * Understanding people's messages: questions and story, names, shipment facts, and what the
 * bot should do with a message. Plain TypeScript: imports nothing from botbuilder.
 *
 * @example
 * const u = understand('I ordered a $40 jacket from the UK, will I pay duty?', { kb, rules, names, today });
 * if (u.kind === 'verdict') console.log(u.assessment.headline);
 */
export { segment, asksSomething, type Segmented, type MessagePart } from './segment';
export { findNames, loadNames, parseNames, EMPTY_NAMES, NAMES_FILE, type KnownName, type NameMention, type NameTable } from './names';
export { asksWhetherDutyIsOwed, assumeOrdinaryCase, factsStated, readShipment, type ShipmentReading } from './shipment';
export { asksAboutAnotherCountry } from './direction';
export { understand, answerParts, withTyposCorrected, MAX_QUESTIONS, type PartAnswer, type Understanding, type UnderstandingContext } from './understand';
