/**
 * What a message asks the bot to *do* (as opposed to a question for the knowledge base):
 * small talk, commands inside a guided check, starting the check, or reaching a person.
 * Patterns are whole-message matches on normalised text so that a real question that merely
 * contains "help" or "stop" ("can CBP stop a fake seller?") still goes to the knowledge base.
 */
import { catalog } from './messages';
import { answerWords } from './text/normalize';

export type Intent =
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'capabilities'
  | 'about-me'
  | 'cancel'
  | 'help'
  | 'back'
  | 'restart'
  | 'escalate'
  | 'check-shipment'
  | 'check-other-details'
  | 'helpful'
  | 'not-helpful';

/**
 * Button labels (suggested actions) of the main tasks, from the English message catalog; they
 * read as what the person would say, and the patterns below recognise them when sent back.
 */
export const LABELS = catalog('en').welcome.labels;

/**
 * A command as words (`answerWords` in src/text/normalize.ts: lower case, quotes folded,
 * punctuation other than ' - $ dropped, spaces squeezed); a lone "?" stays, as a request for help.
 *
 * @example
 * normaliseCommand('  Start over!! '); // 'start over'
 */
export function normaliseCommand(text: string): string {
  const folded = answerWords(text);
  // A lone "?" is a request for help; elsewhere punctuation carries no intent.
  return folded === '' && text.trim() === '?' ? '?' : folded;
}

const WHOLE: Array<[Intent, RegExp]> = [
  ['greeting', /^(hi|hello|hey|hiya|howdy|hola|good (morning|afternoon|evening)|greetings)( there| bot| cbp)?$/],
  // "hi how are you today": small talk before a question, answered with the greeting.
  ['greeting', /^((hi|hello|hey|hiya|good (morning|afternoon|evening))( there| bot| cbp)? )?(how are you|how are you doing|how's it going|hows it going|how is it going|what's up|whats up|sup)( today| doing)?$/],
  ['thanks', /^((ok|okay|great|perfect|cool)\s)?(thanks?( you)?( so much| a lot| very much)?|thx|ty|many thanks|cheers)( bot)?$/],
  ['goodbye', /^(bye|goodbye|good bye|see you|that's all|that is all|no thanks|no thank you)$/],
  ['capabilities', /^(what can you do|what do you do|what can i ask( you)?|what are you|who are you|menu|main menu|options|start|get started|ask a question)$/],
  // Questions about the bot itself ("are you a real person", "whats your name"): people test a
  // chat box before they trust it, and the knowledge base's words ("person", "name") matched pages.
  ['about-me', /^((hi|hey|hello|ok|so) )?(are you (a |an )?(real |actual |live )?(person|human|robot|bot|ai|machine|computer|chat ?bot|real|automated)|am i (talking|chatting|speaking) (to|with) (a |an )?(real |actual |live )?(person|human|robot|bot|ai|machine|computer)|is this (a |an )?(real |actual |live )?(person|human|robot|bot|ai|chat ?bot|automated)|(what's|whats|what is) your name|who am i (talking|chatting|speaking) (to|with)|how old are you|who (made|built|created) you)( or (a |an )?(real |actual )?(person|human|robot|bot|ai|not))?$/],
  ['greeting', /^(test|testing|test test|testing testing|testing 1 2 3|anyone there|anybody there|is anyone there|is anybody there|hello anyone there)$/],
  ['cancel', /^(cancel|stop|quit|exit|never ?mind|nevermind|forget it|cancel (the |this )?(check|email|it))$/],
  ['help', /^(help|\?|help me|i need help|what do you mean|i don't understand|i dont understand|explain|huh)$/],
  ['back', /^(back|go back|previous|previous question|undo)$/],
  ['restart', /^(restart|start over|start again|begin again|reset|restart (the )?check)$/],
  ['helpful', /^(helpful|that was helpful|yes that helped|this helped)$/],
  ['check-other-details', /^(check (it )?with other details|other details|check other details)$/],
  ['not-helpful', /^(not helpful|that was not helpful|that wasn't helpful|this didn't help|that didn't help)$/],
];

const ESCALATE = [
  /\b(talk|speak|chat) (to|with) (a |an |someone|somebody|real |live )*(person|human|agent|officer|someone|somebody|representative|staff)\b/,
  /\b(email|e-mail|contact|write to|message) (the )?(cbp|e-?commerce( team| branch| inbox)?|customs( team)?|a person|someone|a human)\b/,
  /^(human|agent|representative|real person|live agent|operator)( please)?$/,
  /^email (the )?e-?commerce team$/,
];

const CHECK_SHIPMENT = [
  /^(please )?check (my |a )?(shipment|package|parcel|order)s?( please)?$/,
  /\b(can|could|would|will) you (please )?check (my|a|this) (shipment|package|parcel|order)\b(?!.{0,20}\b(status|tracking|track)\b)/,
  /\b(check|see) (if|whether) (my|a|the) (shipment|package|parcel|order|gift|item)s? (qualif|is duty|gets? duty|can enter)/,
  /\b(does|do|will|would|could|can) (my|a|the|this) (shipment|package|parcel|order|gift|item|purchase|box)s? (still )?(qualify|get|be|enter|count)\b.*\b(duty[- ]?free|de minimis|321|without (paying )?duty)/,
  /\b(do|will|would) i (have to|need to|still have to|still need to)? ?pay (any )?(duty|duties|tariffs?|customs)\b.*\b(on|for)\b/,
  /\b(is|was) (my|a|the|this) .{0,40}\b(shipment|package|parcel|order|gift|purchase)\b.{0,40}\bduty[- ]?free\b\??$/,
  /^(duty[- ]?free|eligibility|de minimis) check$/,
  /\bshould i have paid duty\b/,
  /^check another shipment$/,
];

/**
 * The intent of a whole message, or undefined when it is a question for the knowledge base.
 *
 * @example
 * detectIntent('Talk to a person');                       // 'escalate'
 * detectIntent('do I have to pay duty on a $50 order from the UK'); // 'check-shipment'
 * detectIntent('can cbp stop a fake seller?');             // undefined
 */
export function detectIntent(text: string): Intent | undefined {
  // Performance (issue 15): a message is read for its intent once or twice a turn, and the same
  // words come again and again (buttons, common questions); the intent depends on the text alone.
  const kept = recentIntents.get(text);
  if (kept !== undefined) return kept === NONE ? undefined : kept;
  const intent = intentOf(text);
  if (text.length <= KEPT_TEXT_CHARS) {
    if (recentIntents.size >= KEPT_INTENTS) recentIntents.clear();
    recentIntents.set(text, intent ?? NONE);
  }
  return intent;
}

/** The intents of recent texts (then it starts again); NONE for a question for the knowledge base. */
const NONE = '';
const KEPT_INTENTS = 1000;
const KEPT_TEXT_CHARS = 600;
const recentIntents = new Map<string, Intent | typeof NONE>();

function intentOf(text: string): Intent | undefined {
  const t = normaliseCommand(text);
  if (t.length === 0) return undefined;
  for (const [intent, pattern] of WHOLE) if (pattern.test(t)) return intent;
  if (ESCALATE.some((p) => p.test(t))) return 'escalate';
  if (CHECK_SHIPMENT.some((p) => p.test(t))) return 'check-shipment';
  return undefined;
}
