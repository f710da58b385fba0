/**
 * Splitting a message into its questions. People write a story and ask at the end, or ask two
 * or three things at once, often without punctuation ("dhl wants 25 bucks is that legit and can
 * i refuse it"). Sentences come from the platform's ICU sentence segmenter (Intl.Segmenter),
 * also ending where a lowercase word follows a full stop, or a capitalised question word follows
 * no stop at all ("… held for a week Is that normal"); a run-on sentence is cut again where a
 * new question visibly starts (an auxiliary verb and a subject: "is that", "can i", "do i",
 * "how do"). What is not a question is context.
 */
import { isStopWord } from '../knowledge/stopwords';

/** One part of a message. */
export interface MessagePart {
  /** The text of the part, trimmed. */
  text: string;
  /** Whether it asks something (a question mark, a question word first, "I wonder if …"). */
  asks: boolean;
}

/** A message split into its parts. */
export interface Segmented {
  parts: MessagePart[];
  /**
   * The parts that ask something, in order (at least one: the whole message when none does),
   * except that a question the writer marks as the main one comes first ({@link MAIN_MARK}).
   */
  questions: string[];
  /** Everything that is not a question, joined: the story. */
  context: string;
}

const AUX = 'is|are|am|was|were|do|does|did|can|could|will|would|should|shall|may|might|must|have|has|had';
const WH = 'what|whats|wat|wut|wht|how|why|when|where|who|whom|which|whose';
/** A part that starts like a question. */
const QUESTION_START = new RegExp(`^(?:(?:and|but|so|also|or|ok|okay|then|plus|like|anyway|um|hi|hey|hello|seriously|honestly|though|tho|btw|actually|lol|haha)[,]?\\s+)*(?:${WH}|${AUX}|isnt|arent|doesnt|dont|cant|wont|wouldnt|shouldnt|any ?one|anybody|someone|somebody)\\b`, 'i');
/** Requests and indirect questions that ask without a question word first. */
const ASKING = /\b(?:wonder(?:ing|ed)?(?=\s+(?:if|whether|what|how|why|when|where|who|which|about\s+(?!(?:this|that|it|all (?:this|that))\b)))|wants? to know|wanted to know|needs? to know|(?:asks|(?:is|are|'s|'re) asking)(?: (?:me|us))? (?:if|whether)|would like to know|not sure (?:if|whether|how|what|why)|no idea (?:if|whether|how|what|why)|any(?:one| one|body)? (?:know|knows|help|idea|advice|tips?)|please (?:explain|tell|help|advise)|help me (?:understand|figure)|tell me|explain|confused about(?!\s+(?:this|that|it|all (?:this|that))\b)|is it true|can someone|question is|my question|kindly (?:provide|advise|tell|share|send|let me know|inform|explain|confirm|clarify|help)|please (?:provide|share|send|let me know|confirm|clarify|advise)|let (?:me|us) know|(?:i|we) would (?:also )?like (?:an?|the|some|to (?:know|ask|find out|check))|(?:i|we) (?:need|want) (?:an?|the|your) (?:phone|telephone|email|e-mail|mailing|postal)? ?(?:number|address|contact))\b/i;
/**
 * Where a new question starts inside a run-on sentence: an auxiliary with a subject, or a
 * question word, after at least three words ("… 25 bucks | is that legit | and can i refuse it").
 */
/** Words that start the subject of a yes/no question ("can I", "is the"). */
const SUBJECT = 'i|we|you|they|that|this|it|there|he|she|my|the';
/** An auxiliary with a subject: "is that", "can i", "do we" — how a yes/no question starts. */
const AUX_WITH_SUBJECT = `(?:${AUX})\\s+(?:${SUBJECT})\\b`;
/** After a comma, an agency or a carrier is a subject too ("…, and can FDA hold it up?"). */
const AUX_WITH_SUBJECT_AFTER_COMMA = `(?:${AUX})\\s+(?:${SUBJECT}|customs|cbp|fda|usda|usps|ups|dhl|fedex)\\b`;
const RUN_ON_BREAK = new RegExp(
  `\\s(?=(?:(?:and|but|so|also)\\s+)?(?:${AUX_WITH_SUBJECT}|(?:${WH})\\s+(?:do|does|did|is|are|was|were|can|could|should|would|will|much|long|many|about|happens|if)\\b)` +
    // "… and what makes it a gift", "… and would a sword be duty-free": a joined question.
    `|(?:and|also|plus)\\s+(?:(?:${WH})\\b|(?:${AUX})\\s+(?:a|an|any|anyone|someone|these|those|our|your|their)\\b))`,
  'gi',
);
/**
 * Where a second question starts inside a sentence with a question mark: only after a comma or an
 * "and" ("When did China lose de minimis, and why were parcels charged 54%?", "…, and where's the
 * cutoff?", "…pilot about and is it still running?": "and" with a yes/no verb and its subject), so
 * that "what's the difference between X and Y?" stays whole.
 */
/**
 * A subject straight after the question word: ", where I bought it," and ", which the seller
 * shipped" are clauses of the sentence, not questions (a question puts its verb first: ", where
 * do I file it?", ", where's the cutoff?").
 */
const RELATIVE_SUBJECT = '(?:i|we|you|he|she|they|it|my|our|his|her|their|the)';
const COMPOUND_BREAK = new RegExp(
  `(?:(?<=,)\\s(?=(?:(?:and|but|also)\\s+)?(?:${AUX_WITH_SUBJECT_AFTER_COMMA}|(?:${WH})(?:(?:'s|’s)\\s|\\s(?!${RELATIVE_SUBJECT}\\b))))|\\s(?=(?:and|also)\\s+(?:${WH})\\s+(?:do|does|did|is|are|was|were|can|could|should|would|will|much|long|many|happens)\\b)|\\s(?=and\\s+(?:do|does|did|is|are|can|could|should|would|will)\\s+(?:i|we|you|they|it|there|he|she|my|our|your|their|these|those|any)\\s))`,
  'gi',
);
/**
 * A question word (and one word after it, or "how many days") just before a cut point: the cut
 * would split one question ("how many days | do i have").
 */
/** A request whose object is the question after it: "kindly explain | what is MPF", "please tell me | how long". */
const REQUEST_BEFORE = /\b(?:explain|tell (?:me|us)|let (?:me|us) know|advise|clarify|inform (?:me|us)|(?:want|wanted|need|would like) to know|wonder(?:ing)?)\s*[,:]?\s*$/i;
const QUESTION_WORD_BEFORE = new RegExp(
  `\\b(?:${WH})(?:\\s+\\w+)?\\s*$|\\bhow\\s+(?:many|much|long|often|soon|far)\\s+\\w+\\s*$` +
    // "how much 232 duty | is there", "how many small parcels | can i send": what is counted can take
    // a few words, none of them a verb or a subject ("how much did i pay | and is that right" is two).
    `|\\bhow\\s+(?:many|much)\\s+(?:(?!(?:${AUX}|i|we|you|they|he|she|it)\\b)[\\w$%.-]+(?:\\s+|$)){1,3}$`,
  'i',
);
/** "When I order …," "If we ship …,": a clause that sets up the question after it, not a question. */
const CLAUSE_SUBJECT = String.raw`(?:i|we|you|they|he|she|it|my|our|your|the|a|an|someone|somebody)\b`;
/** The subject of a clause may be a name too ("When FedEx clears a box for me, …"): any word but a verb ("When did …") or a question word. */
const CLAUSE_SUBJECT_OR_NAME = String.raw`(?!(?:${AUX}|${WH})\b)[\p{L}\p{N}]+\b`;
const SUBORDINATE_CLAUSE = new RegExp(String.raw`^(?:(?:and|but|so)\s+)?(?:when|whenever|if|once|after|before|since|while|because|as soon as)\s+${CLAUSE_SUBJECT_OR_NAME}[^?]*,\s*$`, 'iu');
/**
 * A "when" clause opening a run-on sentence, with no comma: "when i import things to resell | do i
 * declare what i paid". "When" with a subject after it is a condition ("when did …" asks), so the
 * cut would leave a clause posing as a "when" question.
 */
const OPENING_CLAUSE = new RegExp(String.raw`^(?:(?:and|but|so)\s+)?when\s+(?:i|we|you|they|he|she|my|our|someone|somebody)\b[^?,.;]*$`, 'i');
/** A piece that opens with a question word ("what happens to it"), not with "and" or "or". */
const STARTS_WITH_QUESTION_WORD = new RegExp(`^(?:${WH})\\b`, 'i');
/**
 * A full stop before a lowercase word, which the sentence segmenter does not take as a sentence
 * end ("…shipping spices by mail. what information does customs want"): people typing on a phone
 * or dictating often skip capitals. A word with dots in it ("U.S.") or a short abbreviation
 * ("etc.", "vs.", "approx.") before the stop does not end a sentence.
 */
const LOWERCASE_SENTENCE_START = /(?<=(?:^|\s)(?!(?:etc|vs|approx|incl|no|st|mr|mrs|ms|dr|inc|ltd|co|jr|sr|dept|est|ca)\.)[\p{L}\p{N}'’]{2,}[.!])\s+(?=\p{Ll})/gu;

/**
 * A capitalised word that starts a sentence, with no stop before it ("Can I still file Type 86 If
 * not, which entry types…"): people who leave out question marks still write capitals. Only
 * words that start questions or clauses ("May" is left out: "arrived in May").
 */
const CAPITAL_SENTENCE_START = /(?<=[\p{Ll}\p{N}])\s+(?=(?:What|What's|Whats|How|Why|When|Where|Who|Which|Is|Are|Was|Were|Do|Does|Did|Can|Could|Would|Should|Shall|Must|Have|Has|And|Also|But|So|If|Or|Isn't|Isnt|Don't|Dont|Can't|Cant|Any|Anyone|Please|Thanks|Thank|My|Our|We|They|It|It's|Its|This|That|There|These|Those|Nothing|Now|Then|Just|Not|No|Yes|Ok|Okay|Plus|Btw|Sorry|Anyway)\b)/gu;

/**
 * A laugh or a head-shake written as a word ("lol", "lmao", "smh") after a question ends it in
 * chat: "what's a consignee lol the dhl guy asked me and i just nodded" asks its question before
 * it, and the rest is the story. After a statement ("got hit with a $12 tariff lmao why is this
 * happening") it ends nothing: the story and its question stay one sentence, as written.
 */
const CHAT_SENTENCE_END = /(?<=\S\s+(?:lol|lmao|lmfao|rofl|smh|haha+)[.!]*)\s+(?=\S)/giu;

function splitAfterLaugh(sentence: string): string[] {
  const [first, ...rest] = sentence.split(CHAT_SENTENCE_END);
  return rest.length > 0 && asksSomething(first) ? [first, rest.join(' ')] : [sentence];
}

/** "… or" just before a cut point: the next words are the other half of an either/or question. */
const ALTERNATIVE_BEFORE = /\bor\s*$/i;
/** A run-on part is only cut where both sides keep at least this many words. */
const MIN_WORDS = 3;
/**
 * A question this short ("Why?", "Was it May 2025?", "Duty or no duty?") leans on the sentence
 * before it for its subject, so the two are read as one question.
 */
const SHORT_QUESTION_WORDS = 4;
/**
 * A follow-up with no verb of its own ("and hong kong same day?", "what about from Canada?")
 * borrows the question before it, so it is read with that question rather than alone. Up to
 * this many words; "And should I ship DDP?" asks a question of its own and stays apart.
 */
const FOLLOW_UP_WORDS = 6;
const FOLLOW_UP = new RegExp(`^(?:(?:and|or|plus|also)\\s+(?!(?:${WH}|${AUX})\\b)|(?:what|how) about\\b)`, 'i');

/**
 * A few words and a colon before the questions ("Two things:", "Quick question:", "Etsy seller
 * here, question:"): an announcement, not part of the first question, which then starts like one.
 */
const PREAMBLE = /^([^:?!.]{1,40}):\s+(?=\S)/;
const PREAMBLE_WORDS = 5;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * A sentence's announcement and the question after it, when it has one.
 *
 * @example
 * withoutPreamble("Two things: what's entry type 13, and who files it?"); // { preamble: 'Two things:', rest: "what's entry type 13, and who files it?" }
 * withoutPreamble('Note: my parcel came from Spain.');                     // undefined (nothing asked after it)
 */
export function withoutPreamble(sentence: string): { preamble: string; rest: string } | undefined {
  const m = PREAMBLE.exec(sentence);
  if (!m || wordCount(m[1]) > PREAMBLE_WORDS || asksSomething(m[1])) return undefined;
  const rest = sentence.slice(m[0].length);
  return asksSomething(rest) ? { preamble: `${m[1].trim()}:`, rest } : undefined;
}

/** A purpose clause in a question: "… so they don't get held", "… so that my customers never pay". */
const PURPOSE_CLAUSE = /,?\s+\bso(?: that)?\s+(?:[\w']+\s+){0,4}?(?:don'?t|doesn'?t|won'?t|do not|does not|will not|aren'?t|isn'?t|can'?t|never)\b[^?.!]*/i;

/** A question shorter than this before its purpose clause is left whole ("so they don't get stuck?"). */
const MIN_ASKED_CHARS = 12;

/**
 * A question without its purpose clause, and the clause: what the person wants to avoid belongs
 * to the story ("…so they don't get stuck?" made a question about what goes on the customs form
 * look like one about a parcel held now).
 *
 * @example
 * withoutPurpose("What goes on the customs form so parcels don't get held?"); // { asked: 'What goes on the customs form?', purpose: "so parcels don't get held" }
 * withoutPurpose('Do I pay duty?');                                          // { asked: 'Do I pay duty?', purpose: '' }
 */
export function withoutPurpose(question: string): { asked: string; purpose: string } {
  const m = PURPOSE_CLAUSE.exec(question);
  if (!m || m.index < MIN_ASKED_CHARS) return { asked: question, purpose: '' };
  return { asked: question.slice(0, m.index) + question.slice(m.index + m[0].length), purpose: m[0].replace(/^,?\s*/, '') };
}

/** A sentence that starts with a "when" or "after" clause and goes on after its comma (the part returned). */
const TOLD_AFTER_CLAUSE = new RegExp(String.raw`^(?:(?:and|but|so|then)\s+)?(?:when|whenever|once|after|before|while|because|as soon as)\s+${CLAUSE_SUBJECT}[^,?]*,\s*(.+)$`, 'is');

/**
 * Whether a piece of text asks something.
 *
 * @example
 * asksSomething('Do I have to pay that?');        // true
 * asksSomething('is that legit');                 // true
 * asksSomething('My customer got a bill from UPS.'); // false
 * asksSomething('When the mailman came, there was a fee to pay.'); // false
 */
export function asksSomething(text: string): boolean {
  const t = text.trim();
  if (t.includes('?')) return true;
  if (ASKING.test(t)) return true;
  // "When the mailman came, there was a fee to pay.": a "when" clause that tells, not asks.
  const told = TOLD_AFTER_CLAUSE.exec(t);
  if (told) return QUESTION_START.test(told[1]);
  return QUESTION_START.test(t);
}

/** Question marks of disbelief after a statement: "50%??", "$40?!". */
const DISBELIEF = /(?:\?\s*[?!]|!\s*\?)\W*$/;
/** A statement asked as a question by its last word: "the court killed the tariffs right??". */
const TAG_QUESTION = /\b(?:right|correct|true|yes|no|yeah|huh|ok|okay|or not|or what|or no)\W*$/i;
/** A question word or an auxiliary with its subject anywhere: a sentence that asks in a question's form. */
const QUESTION_FORM = new RegExp(`\\b(?:${WH})\\b|\\b${AUX_WITH_SUBJECT}`, 'i');

/** The last sentence of a part (a short question is joined to the story before it: "… this week. mexico = usmca = free??"). */
function lastSentence(text: string): string {
  return text.split(/(?<=[.!])\s+/).pop() ?? text;
}

/** Whether a part asks in a question's own form, not only with a question mark. */
function asksInForm(text: string): boolean {
  return ASKING.test(text) || QUESTION_FORM.test(text);
}

function onlyLittleWords(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0)
    .every((w) => isStopWord(w.replace(/'/g, '')));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Cuts a run-on sentence where a new question starts; both sides keep {@link MIN_WORDS} words. */
function cutRunOn(sentence: string, breaks: RegExp = RUN_ON_BREAK, afterQuestionsOnly = false): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const m of sentence.matchAll(breaks)) {
    const at = m.index ?? 0;
    const before = sentence.slice(start, at);
    // "how long do i have", "what else can i do": the question word already started this question.
    if (QUESTION_WORD_BEFORE.test(before)) continue;
    // "is that still ok as gifts or do we pay tariffs now": one question offering two answers.
    if (ALTERNATIVE_BEFORE.test(before)) continue;
    // "kindly explain what is MPF", "tell me how long it takes": the question is what is asked for.
    if (REQUEST_BEFORE.test(before)) continue;
    if (start === 0 && OPENING_CLAUSE.test(before)) continue;
    const after = sentence.slice(at);
    // "I have an LLC in Wyoming, do I need an EIN?" is a story and one question, not two; so is
    // "When I order a lamp from a shop in France, is it me who imports it?" (a "when" clause).
    if (afterQuestionsOnly && (!asksSomething(before) || SUBORDINATE_CLAUSE.test(before))) continue;
    if (wordCount(before) >= MIN_WORDS && wordCount(after) >= MIN_WORDS) {
      pieces.push(before.trim());
      start = at;
    }
  }
  pieces.push(sentence.slice(start).trim());
  // A piece of nothing but little words ("and can I still") belongs to the one before.
  const merged: string[] = [];
  for (const piece of pieces.filter((p) => p.length > 0)) {
    // …but "what happens to it" is a question of little words.
    if (merged.length > 0 && onlyLittleWords(piece) && !STARTS_WITH_QUESTION_WORD.test(piece)) merged[merged.length - 1] += ` ${piece}`;
    else merged.push(piece);
  }
  return merged;
}

/**
 * A writer saying which question matters most: "And the main one: who decides the fees?",
 * "Most importantly, will I pay duty?", "My real question is …", at the start of the question or
 * of a short part just before it. People mostly ask their main question first, and the bot
 * answers the first; a question marked like this is answered first wherever it stands.
 */
const MAIN_MARK = /^(?:(?:and|but|so|ok|okay|now|also)[,]?\s+)?(?:(?:honestly\s+(?:tho|though)\s+)?(?:the|my|our)\s+(?:main|biggest|real|big|key|actual)\s+(?:one|question|thing|worry|concern|issue)|the\s+thing\s+(?:i'?m|im|i\s+am)\s+(?:mad|worried|upset|confused)\s+about|(?:most|more)\s+importantly|above\s+all|what\s+(?:i|we)\s+(?:really|mostly)\s+(?:want|need)\s+to\s+know)\b/i;
/** A part that only announces the main question ("And the main one:", "Most importantly:"). */
const MAIN_ANNOUNCED = /^(?:\S+\s+){0,6}\S+$/;
/**
 * The mark after the question instead: "… where do I report a seller like that, that's the main
 * thing", "… do I owe duty on used clothes at all, that's what I actually need to know", "… can I
 * get the duty refunded, that's the bigger amount" (session 33, a probe set of messages asking
 * several things), at the end of the question or as a short part just after it.
 */
const MAIN_MARK_WORDS = String.raw`(?:(?:that'?s|thats|this is|which is|is) (?:the|my) (?:main|real|big|bigger|biggest|actual|important|key) (?:thing|question|one|concern|issue|point|amount|worry)|(?:that'?s|thats|this is) what i (?:actually |really |mostly )?(?:need|want) to know)`;
const MAIN_MARK_AFTER = new RegExp(String.raw`(?:^|[,;:.!?-]\s*|\s)${MAIN_MARK_WORDS}\W*$`, 'i');
/** A part that is nothing but that mark ("That's what I actually need to know."): it asks nothing. */
const MAIN_MARK_ONLY = new RegExp(String.raw`^\W*${MAIN_MARK_WORDS}\W*$`, 'i');

/**
 * The questions of a message's parts in order, the one the writer marks as the main one (in
 * its own words or in the part just before it) first.
 *
 * @example
 * mainFirst([{ text: 'Is DDP better?', asks: true }, { text: 'And the main one:', asks: false }, { text: 'who decides the fees?', asks: true }]);
 * // ['who decides the fees?', 'Is DDP better?']
 */
export function mainFirst(parts: readonly MessagePart[]): string[] {
  const asked = parts.filter((p) => p.asks);
  const main = parts.find(
    (p, i) =>
      p.asks &&
      (MAIN_MARK.test(p.text) ||
        MAIN_MARK_AFTER.test(p.text) ||
        (i > 0 && !parts[i - 1].asks && MAIN_MARK.test(parts[i - 1].text) && MAIN_ANNOUNCED.test(parts[i - 1].text)) ||
        (i + 1 < parts.length && !parts[i + 1].asks && MAIN_MARK_AFTER.test(parts[i + 1].text) && MAIN_ANNOUNCED.test(parts[i + 1].text))),
  );
  return (main ? [main, ...asked.filter((p) => p !== main)] : asked).map((p) => p.text);
}

/**
 * Splits a message into sentences and questions.
 *
 * @example
 * segment('I make candles in Ontario. My customer in Ohio got a UPS bill. Do I have to pay it? And should I ship DDP?').questions;
 * // ['Do I have to pay it?', 'And should I ship DDP?']
 * segment('dhl wants 25 bucks is that legit and can i refuse it').questions;
 * // ['is that legit', 'and can i refuse it']
 * segment('Royal Mail wants VAT before they deliver. Why?').questions;
 * // ['Royal Mail wants VAT before they deliver. Why?']
 */
export function segment(message: string): Segmented {
  const text = message.replace(/\s+/g, ' ').trim();
  const parts: MessagePart[] = [];
  const marksQuestions = text.includes('?');
  for (const sentence of [...segmenter.segment(text)].flatMap(({ segment: s }) => s.trim().split(LOWERCASE_SENTENCE_START)).flatMap((s) => s.split(CAPITAL_SENTENCE_START)).flatMap(splitAfterLaugh)) {
    if (!sentence) continue;
    // A sentence with a question mark is cut only where a comma or "and" starts a second
    // question; one without is cut where a new question starts, unless the message uses
    // question marks elsewhere: then its writer marks questions, and "… most of it was the
    // tariffs that got thrown out." is a statement.
    const previous = parts[parts.length - 1];
    const words = wordCount(sentence);
    const followUp = previous?.asks && words <= FOLLOW_UP_WORDS && FOLLOW_UP.test(sentence) && asksSomething(sentence);
    if (previous && ((words <= SHORT_QUESTION_WORDS && asksSomething(sentence)) || followUp)) {
      parts[parts.length - 1] = { text: `${previous.text} ${sentence}`, asks: true };
      continue;
    }
    const announced = withoutPreamble(sentence);
    if (announced) parts.push({ text: announced.preamble, asks: false });
    const asked = announced?.rest ?? sentence;
    const pieces = !marksQuestions ? cutRunOn(asked) : asked.includes('?') ? cutRunOn(asked, COMPOUND_BREAK, true) : [asked];
    for (const piece of pieces) parts.push({ text: piece, asks: asksSomething(piece) && !MAIN_MARK_ONLY.test(piece) });
  }
  // "my scarf got charged like steel, 50%?? … can that be corrected?": a statement with question
  // marks (disbelief) is story when the message also asks in a question's own form.
  if (parts.some((p) => p.asks && asksInForm(p.text))) {
    for (const p of parts) if (p.asks && !asksInForm(p.text) && DISBELIEF.test(p.text) && !TAG_QUESTION.test(p.text) && wordCount(lastSentence(p.text)) > SHORT_QUESTION_WORDS) p.asks = false;
  }
  const asked = mainFirst(parts);
  return {
    parts,
    questions: asked.length > 0 ? asked : text ? [text] : [],
    context: parts.filter((p) => !p.asks).map((p) => p.text).join(' '),
  };
}
