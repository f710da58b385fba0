/**
 * English: the welcome, small talk, the fallbacks (a message too long, not text) and the words
 * every guided dialog shares, with the button labels of the main tasks. `{name}` is a value the
 * code fills in (see ../format.ts).
 */

/** Button labels (≤ 25 characters, read as what the person would say; they are sent as typed). */
const labels = {
  checkShipment: 'Check my shipment',
  askQuestion: 'Ask a question',
  isDeMinimisOver: 'Is $800 still duty-free?',
  reportFake: 'Report a fake seller',
  email: 'Email the E-Commerce team',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  checkAnother: 'Check another shipment',
  checkOtherDetails: 'Check with other details',
} as const;

/** Where other CBP questions go; also in the answers catalog. */
export const INFO_CENTER =
  'the CBP Info Center: [help.cbp.gov](https://help.cbp.gov), 1-877-227-5511 (in the U.S.) or +1-202-325-8000 (from abroad)';

export const welcome = {
  labels,
  /** The first message of a conversation. */
  welcome: [
    "Hello! I'm the **CBP E-Commerce Assistant**. I answer questions about U.S. Customs rules for things you buy or sell online: duties on low-value packages and the end of the $800 duty-free limit (de minimis), gifts, counterfeit goods, and import rules for online sellers.",
    'I can also check whether a shipment gets duty-free entry, or send your question to the CBP E-Commerce team.',
    'I give general guidance, not legal advice. Please do not send card numbers, passwords or ID numbers.',
  ].join('\n\n'),
  /** "What can you do?" and "help" outside a guided check. */
  capabilities: [
    'Here is what I can do:',
    '- **Answer questions** about duties on online orders, de minimis (Section 321), gifts, counterfeits and import compliance. Just type your question.',
    '- **Check a shipment**: I ask a few questions and tell you whether it gets duty-free entry on the date it arrives.',
    '- **Email the E-Commerce team** at CBP when I cannot answer.',
    `For travel, trusted traveler programs and other CBP matters, contact ${INFO_CENTER}.`,
  ].join('\n'),
  aboutMe:
    "I'm the CBP E-Commerce Assistant, an automated assistant, not a person. I answer questions about duties on online orders, de minimis, gifts and counterfeits from U.S. Customs and Border Protection's published guidance, and I can check whether a shipment gets duty-free entry. When you need a person, I can send your question to CBP's E-Commerce team by email.",
  greeting: 'Hello! What would you like to know about shipments, duties or counterfeits?',
  thanks: "You're welcome. Is there anything else I can help with?",
  goodbye: 'Thank you for using the CBP E-Commerce Assistant. Goodbye!',
  feedbackThanks: 'Thank you for your feedback.',
  notHelpful: 'Sorry that did not help. You can ask your question another way, or I can send it to the CBP E-Commerce team by email.',
  nothingToCancel: 'There is nothing to cancel. What would you like to know?',
  messageTooLong: 'That message is too long for me (more than {limit} characters). Please ask your question in a shorter message.',
  nonText: 'I can only read text messages. Please type your question.',
  /** Teams, a tenant not on the allow-list. */
  teamsTenantRefusal:
    'Sorry, this assistant is available in Microsoft Teams only to CBP staff. The public can use it on the CBP e-commerce web page.',
  /** A turn failed (src/server.ts); the terminal says only the first sentence. */
  somethingWentWrong: 'Sorry, something went wrong on my side. Please try again.',
  turnFailed:
    'Sorry, something went wrong on my side. Please try again. If it keeps happening, you can email the CBP E-Commerce team at {inbox}.',
  /** Two turns of one conversation at once: this one was not saved. */
  twoMessagesAtOnce: 'I received two messages at the same time. Please send your last message again.',
  /** The per-conversation rate limit (src/hardening). */
  tooFast: "You're sending messages faster than I can answer. Please wait a few seconds.",
  /** A slow turn's notice (src/hardening). */
  slowTurn: 'This is taking longer than usual… I will answer as soon as I can.',
  /** Every guided dialog: "restart". */
  startOver: "OK, let's start over.",
  /** Every guided dialog: "back" at the first question. */
  firstQuestion: 'This is the first question.',
  /** Every guided dialog: after answering a question asked mid-dialog. */
  backToWhereWeWere: 'Now, back to where we were:',
  /** Every guided dialog: a question mid-dialog that the knowledge base is unsure about; {titles} is a list. */
  sideQuestionUnsure: 'That sounds like a question, and I am not sure which page answers it. These may:\n{titles}\n\nAsk it again when we are done here, or type "cancel" to stop here.',
} as const;
