/**
 * The real-style development sets, in the order they were written, each by another author who
 * saw only the documents' titles and the fact sheet: one list for the tests that check the sets,
 * the honest-wording and vocabulary tests, and `npm run bench:retrieval`.
 *
 * @example
 * REAL_SETS.map((s) => realSetPath(s)); // ['…/test/fixtures/real-questions.json', …]
 */
import path from 'node:path';

export interface RealSet {
  /** File name in test/fixtures. */
  file: string;
  /** How the benchmark names it. */
  name: string;
  /** Shortest message, in words (terse styles allow two). */
  minWords: number;
  /** Sentences of this many words or more appear in one message only. */
  sharedWords: number;
  /**
   * Its half A is tuned on, and taught to the learned word model (`npm run kb:fit`). The sets
   * that are not stay a measure of how the bot does for an author it has never seen.
   */
  tuned: boolean;
}

export const REAL_SETS: readonly RealSet[] = [
  { file: 'real-questions.json', name: 'Real-style set', minWords: 8, sharedWords: 2, tuned: true },
  { file: 'real-questions-second.json', name: 'Second real-style set (another author, session 6)', minWords: 3, sharedWords: 6, tuned: true },
  { file: 'real-questions-third.json', name: 'Third real-style set (another author, session 6)', minWords: 3, sharedWords: 6, tuned: true },
  { file: 'real-questions-fourth.json', name: 'Fourth real-style set (another author, session 7)', minWords: 3, sharedWords: 7, tuned: true },
  { file: 'real-questions-fifth.json', name: 'Fifth real-style set (another author, session 8)', minWords: 3, sharedWords: 7, tuned: true },
  { file: 'real-questions-sixth.json', name: 'Sixth real-style set (another author, session 9)', minWords: 2, sharedWords: 7, tuned: true },
  { file: 'real-questions-seventh.json', name: 'Seventh real-style set (another author, session 10)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-eighth.json', name: 'Eighth real-style set (another author, session 10: help-desk, email and non-native voices)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-ninth.json', name: 'Ninth real-style set (another author, session 10: subreddit and group posts)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-tenth.json', name: 'Tenth real-style set (another author, session 11: dictated and phone-typed, older writers, news reactions)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-eleventh.json', name: 'Eleventh real-style set (another author, session 11: hobby and seller forums)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twelfth.json', name: 'Twelfth real-style set (another author, session 11: social media and phones, creators, parents)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-thirteenth.json', name: 'Thirteenth real-style set (another author, session 11: a help chat in everyday English, staff forwarding callers)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-fourteenth.json', name: 'Fourteenth real-style set (another author, session 11, arrived last: people who import for work or study)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'real-questions-fifteenth.json', name: 'Fifteenth real-style set (another author, session 12, not tuned on: emails and pasted carrier notices)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'real-questions-sixteenth.json', name: 'Sixteenth real-style set (another author, session 13, not tuned on: typed fast on a phone, lower case, run-on)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'real-questions-seventeenth.json', name: 'Seventeenth real-style set (another author, session 14: writers whose first language is not English; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-eighteenth.json', name: 'Eighteenth real-style set (another author, session 15: upset, sceptical or misled readers: rumours, news and venting; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-nineteenth.json', name: 'Nineteenth real-style set (another author, session 15: the holiday season: gifts, returns, notices and scam texts; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twentieth.json', name: 'Twentieth real-style set (another author, session 16: money already spent and paperwork: late bills, invoices, refunds, complaints; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twenty-first.json', name: 'Twenty-first real-style set (another author, session 16: hobbyists and collectors, prices in other currencies, proxies and group buys; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twenty-second.json', name: 'Twenty-second real-style set (another author, session 17: writers whose first language is not English: families abroad, students, sellers abroad; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twenty-third.json', name: 'Twenty-third real-style set (another author, session 17: the holiday rush, typed or dictated on a phone, with speech-to-text slips; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twenty-fourth.json', name: 'Twenty-fourth real-style set (another author, session 17, not tuned on: mail by unusual routes: military APO/FPO, U.S. territories, expats, border towns)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'real-questions-twenty-fifth.json', name: 'Twenty-fifth real-style set (another author, session 17, not tuned on: teenagers and their parents)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'real-questions-twenty-sixth.json', name: 'Twenty-sixth real-style set (another author, session 18: planning a purchase from abroad, before buying; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twenty-seventh.json', name: 'Twenty-seventh real-style set (another author, session 18: asking about a particular kind of goods; its half A tuned on)', minWords: 2, sharedWords: 6, tuned: true },
  { file: 'real-questions-twenty-eighth.json', name: 'Twenty-eighth real-style set (another author, session 18, not tuned on: researchers, reporters, students and the curious: facts, dates and history)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'real-questions-twenty-ninth.json', name: 'Twenty-ninth real-style set (another author, session 18, not tuned on: trade and logistics people in their jargon: brokers, forwarders, 3PLs, marketplace compliance)', minWords: 2, sharedWords: 6, tuned: false },
];

/** The sets whose halves A are tuned on and learned from. */
export const TUNED_SETS: readonly RealSet[] = REAL_SETS.filter((s) => s.tuned);

/**
 * Training sets (session 16): messages written by further authors in the same way, for the
 * learned word model only. `npm run kb:fit` counts them whole; they have no held-out half, no
 * benchmark reports them, and no rule was written after reading them.
 */
export const TRAINING_SETS: readonly RealSet[] = [
  { file: 'training-questions-forums.json', name: 'Training set: shoppers in forums and groups, every topic', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-short.json', name: 'Training set: short and messy, search-box and voice-typed', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-sellers.json', name: 'Training set: online sellers and small importers', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-long.json', name: 'Training set: long stories with several questions, older writers, writing for someone else', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-staff.json', name: 'Training set: CBP staff passing on callers\' and emailers\' questions, formal emails', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-news.json', name: 'Training set: reactions to the news and rumours', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-scope.json', name: 'Training set (session 18): half not ours (travel, other countries, tracking, taxes, jobs) beside ours in the same words', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-sellers-abroad.json', name: 'Training set (session 18): small sellers outside the U.S. with U.S. customers', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-families.json', name: 'Training set (session 18): families and friends across borders, gifts and personal parcels', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-restricted.json', name: 'Training set (session 18): counterfeits, seizures and restricted goods', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-policy.json', name: 'Training set (session 18): people following the policy news', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-bills.json', name: 'Training set (session 18): a carrier\'s bill or notice in hand right now', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-one-liners.json', name: 'Training set (session 18): one-liners in a chat or search box, misspelled or voice-typed', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-older.json', name: 'Training set (session 18): older adults, and people writing for someone else', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-us-importers.json', name: 'Training set (session 18): U.S. small businesses importing what they sell or use', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-other-languages.json', name: 'Training set (session 18): writers whose first language is not English', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-posts.json', name: 'Training set (session 18): forum and social-media posts', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-anything.json', name: 'Training set (session 19): people asking the chat anything, half not ours (parcels inside the U.S., marketplace orders, taxes, travel)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-search-box.json', name: 'Training set (session 19): search-box queries, half not ours (everyday life, U.S. taxes, domestic mail, travel)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-other-senses.json', name: 'Training set (session 20): search-box queries, two thirds not ours, using our words in another sense (jury duty, sales tax, phone charger, cruise ship)', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-own-parcels.json', name: 'Training set (session 20): people telling about their own parcel, two thirds asking what they owe (gifts, orders, travellers, sellers\' stock), the rest asking a page\'s question', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-others-parcels.json', name: 'Training set (session 21): someone else\'s parcel (a seller\'s customer, a parent, a friend, an office), half asking what the receiver owes, half a page\'s question', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-chat-box.json', name: 'Training set (session 24): a help chat box: a third everyday messages not ours, a third other CBP matters (travellers, trusted travellers, I-94 and ESTA, border waits, jobs), a third ours', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-word-senses.json', name: 'Training set (session 24): short messages, two thirds not ours using our words in another sense or someone else\'s business (jury duty, custom orders, importing photos, clearance sales, utility bills), a third ours in the same words', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-inbox.json', name: 'Training set (session 27): a real inbox\'s mix, weighted to the commonest questions (de minimis, small-order charges, Temu and Shein, gifts, mail, courier bills), every page once at least, a fifth shipments to judge', minWords: 2, sharedWords: 6, tuned: false },
  { file: 'training-questions-look-alikes.json', name: 'Training set (session 27): look-alikes: ours in words other pages share, near misses not ours (parcels inside the U.S., marketplace service, scams, other taxes, other senses), other CBP matters', minWords: 2, sharedWords: 6, tuned: false },
];

/** The set's file path. */
export function realSetPath(set: RealSet): string {
  return path.join(__dirname, '..', 'fixtures', set.file);
}
