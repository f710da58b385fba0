/** The English catalog: every sentence and button label the bot shows, by area. */
import { answers } from './answers';
import { eligibility } from './eligibility';
import { escalation } from './escalation';
import { staff } from './staff';
import { welcome } from './welcome';

export const en = { welcome, answers, eligibility, escalation, staff } as const;
