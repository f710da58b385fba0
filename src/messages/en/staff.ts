/**
 * English: the staff commands in Teams (src/staff/*): `stats`, `unanswered`, `kb`, `reload`
 * and `teach`. Staff replies quote people's questions and document ids as values. `{name}` is a
 * value the code fills in (see ../format.ts); the objects with `one` / `other` are plurals.
 */

/** Buttons that send a staff command. */
const labels = {
  reload: 'Reload',
  unanswered: 'Unanswered questions',
  stats: 'Usage statistics',
} as const;

export const staff = {
  labels,
  /** A person's question or a document's title, quoted. */
  quoted: '“{text}”',
  /** The end of a long list. */
  andMore: '- … and {count} more',
  /** A date range: "19 Nov to 25 Nov 2026". */
  dateRange: '{from} to {to}',

  // stats
  statsTitle: 'Usage statistics',
  statsToday: '**Today, {window}**',
  statsLast7Days: '**Last 7 days, {window}**',
  statsQuestions: '- Questions: {questions}',
  statsQuestionsAnswered: '- Questions: {questions}, answered {answered} ({share})',
  statsNotAnswered: '- Not answered: {didYouMean} did you mean, {outOfScope} out of scope, {otherCbp} other CBP matters',
  statsFeedback: '- Feedback: {helpful} helpful, {notHelpful} not helpful',
  statsTopTopics: '- Top topics: {topics}',
  statsTopic: '{topic} ({count})',
  statsNoTopics: 'none yet',
  statsEmails: '**Emails to the E-Commerce team, now**',
  statsEmailCounts: '- {pending} pending, {sent} sent, {failed} failed',
  statsFailedNote: ' — failed messages need a look (outbox failed folder)',
  statsEmailCap: '- Email cap ({limit} per {minutes} minutes): {state}; tripped {trips}, last at {last} — many emails at once may be a flood',
  statsCapTripped: '**tripped now**: {queued} queued to be sent later',
  statsCapClear: 'clear now',
  statsTimes: { one: '{count} time', other: '{count} times' },
  statsFooter: 'Days are U.S. Eastern dates. {records} read.',
  statsRecords: { one: '{count} record', other: '{count} records' },
  dueHeading: '**Knowledge due in the next 30 days**',
  dueReview: '- {id}: review by {date}',
  dueEnds: '- {id}: ends {date}; {successor}',
  dueSuccessor: '{id} takes over',
  dueNoSuccessor: 'no successor written yet',

  // unanswered
  unansweredTitle: 'Unanswered questions, last {days}',
  /** "last day", "last 14 days". */
  days: { one: 'day', other: '{count} days' },
  unansweredWindow: '{window}, U.S. Eastern dates.',
  unansweredOtherCbp: 'Not listed: {count} about other CBP matters (sent to the CBP Info Center).',
  unansweredTaught: 'Not listed: {count} already taught.',
  unansweredNotGrouped: 'Not grouped: {count} older ones (only the latest {max} are).',
  unansweredNone: 'No unanswered or unsure questions in the last {days}.',
  unansweredSummary: '{questions} in {groups}{mostFrequent}:',
  questions: { one: '{count} question', other: '{count} questions' },
  groups: { one: '{count} group', other: '{count} groups' },
  mostFrequent: '; the {count} most frequent',
  /** One group: "1. “can i ship vapes” — 4 times, last 24 Nov 2026 (4 no answer) · closest: vapes". */
  unansweredGroup: '{n}. {question} — {times}, last {date} ({kinds}){closest}',
  timesAsked: { one: 'once', other: '{count} times' },
  unknownDate: 'unknown',
  gapKind: '{count} {kind}',
  /** The kinds of gap, by their record names. */
  gapKinds: { unsure: 'unsure', 'no answer': 'no answer', 'low confidence': 'low confidence' } as Record<string, string>,
  closestDocument: ' · closest: {id}',
  teachHint: 'To teach the bot, type **teach** and the number, then a document id (the question becomes one of its questions) or **none** (out of scope).',

  // teach
  nothingTaught: 'Nothing taught',
  teachNoList: 'Type **unanswered** first: **teach** uses the numbers of the list it shows in this conversation.',
  teachNoSuchNumber: 'There is no question {number} in the last list: it has {listed}. Type **unanswered** to see it again.',
  teachListed: { one: 'question 1 only', other: 'questions 1 to {count}' },
  teachNoSuchDocument: 'No document has the id “{id}”. Type **kb** and a few words to find a document and its id, or use **none** to mark the question out of scope.',
  teachNotTeachable: '{question} cannot be taught: {reason}.',
  teachTooLong: 'it is longer than {max} characters; add a shorter wording to the document itself',
  teachNoWords: 'it has no words the bot can match',
  teachNotSaved: 'The question could not be saved: {detail}. Nothing changed.',
  teachUnavailable: 'Teaching is not available in this deployment.',
  teachToDocument: 'one of the questions of **{id}** (“{title}”)',
  teachOutOfScope: 'out of scope',
  alreadyTaughtTitle: 'Already taught',
  alreadyTaught: '{question} is already {where}. If the bot does not answer it that way yet, type **reload**.',
  taughtTitle: 'Taught',
  taught: '{question} is now {where}. {effect}',
  taughtEffectDocument: 'The bot will answer it with that document.',
  taughtEffectOutOfScope: 'The bot will say it has no answer and offer the email to the E-Commerce team, and **unanswered** no longer lists it.',
  taughtMoved: 'It was taught to {before} before; that is replaced.',
  taughtBeforeNone: 'none (out of scope)',
  taughtBeforeDocument: '**{id}**',
  taughtAfterReload: 'It is saved; type **reload** to put it in use (after checking any other knowledge changes waiting).',

  // kb
  kbAskTitle: 'Look up a knowledge document',
  kbAsk: 'Type **kb** followed by a document id or a few words, for example: kb gift exemption',
  kbNotFoundTitle: 'No document found',
  kbNotFound: 'No document matches “{query}”. Try a document id or other words.',
  kbIds: '**Id:** {id} · **Topic:** {topic} · **Audience:** {audience}',
  kbAudienceNotSet: 'not set',
  kbReviewed: '**Reviewed:** {date}',
  kbApplies: ' · **Applies:** {effective}',
  kbReviewBy: ' · **Review by:** {date}',
  kbUncertain: ' · **Marked uncertain**',
  kbFile: '**File:** {file}',
  kbQuestions: '**Questions it answers:**',
  kbNoQuestions: '**Questions it answers:** none listed',
  kbAnswer: '**Answer:**',
  kbVersions: '**Versions of this topic ({count}):**',
  kbVersion: '- {id}: {effective}',
  kbVersionAlways: 'always',
  kbVersionReviewBy: ', review by {date}',
  kbVersionInForce: ' (this one, in force)',
  kbRelated: '**Related:** {ids}',
  effectiveFrom: 'from {date}',
  effectiveUntil: 'until {date}',

  // reload
  reloadedTitle: 'Reloaded',
  reloaded: 'The bot now uses the new knowledge and rules: {documents}.',
  documents: { one: '{count} document', other: '{count} documents' },
  reloadWarnings: 'Warnings (not blocking):\n{list}',
  reloadFailedTitle: 'Reload failed',
  reloadFailed: 'Nothing changed: the bot keeps using the previous knowledge and rules. Fix {problems} and type **reload** again:',
  reloadProblems: { one: 'this problem', other: 'these {count} problems' },
  reloadNoDetails: '- (no details were given)',
} as const;
