/**
 * Staff commands for CBP staff in Teams (allowed tenants only; elsewhere the same words are
 * ordinary text). Pure functions: parse the command, then build a channel-neutral `Reply` from
 * records, outbox counts, a knowledge document or a reload result.
 */
export { parseStaffCommand, type StaffCommand, type StaffCommandName } from './commands';
export { statsReport, usageFigures, percent, type OutboxCounts, type UsageFigures } from './stats';
export { unansweredReport, groupQuestions, normaliseQuestion, nearDuplicates, LOW_CONFIDENCE, type QuestionGroup, type UnansweredOptions } from './unanswered';
export { kbReport } from './kb';
export { reloadReport, type ReloadResult } from './reload';
export { addDays, lastDays, inWindow, easternDayOf, windowLabel, type DateWindow } from './dates';
