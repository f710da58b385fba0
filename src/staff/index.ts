/**
 * Staff commands for CBP staff in Teams (allowed tenants only; elsewhere the same words are
 * ordinary text). Pure functions: parse the command, then build a channel-neutral `Reply` from
 * records, outbox counts, a knowledge document or a reload result. `teach` (teach.ts) saves
 * what staff taught, by the numbers of the last `unanswered` list (desk.ts).
 */
export { parseStaffCommand, type StaffCommand, type StaffCommandName } from './commands';
export { statsReport, usageFigures, percent, type OutboxCounts, type UsageFigures } from './stats';
export { unansweredReport, unansweredList, unansweredListReply, TEACH_HINT, type UnansweredList, type UnansweredOptions } from './unanswered';
export { groupQuestions, nearDuplicates, LOW_CONFIDENCE, type QuestionGroup } from './grouping';
export { teachReport, teachProblemReport, type TeachProblem } from './teach';
export { kbReport } from './kb';
export { reloadReport, type ReloadResult } from './reload';
export { lastDays, inWindow, easternDayOf, windowLabel, type DateWindow } from './dates';
