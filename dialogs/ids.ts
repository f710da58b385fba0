/**
 * The dialogs' ids and the options each guided dialog is started with. Their own module so the
 * child dialogs (eligibility, escalation) and the bot name a dialog without importing the main
 * dialog that starts them (the layering test keeps it so: test/layering.test.ts).
 */
import type { ShipmentFacts } from '../src/rules';

export const MAIN_DIALOG = 'main';
export const ELIGIBILITY_DIALOG = 'eligibility';
export const ESCALATION_DIALOG = 'escalation';

/** Options for the escalation dialog. */
export interface EscalationOptions {
  question?: string;
  guesses?: string[];
}

/** Options for the eligibility dialog: the first message, which may already hold facts. */
export interface EligibilityOptions {
  text?: string;
  /** Facts already judged from a message ("Check with other details"): kept, the date asked first. */
  facts?: ShipmentFacts;
  /** Facts read from `text` beyond what the check reads itself (a courier or marketplace named). */
  known?: ShipmentFacts;
}
