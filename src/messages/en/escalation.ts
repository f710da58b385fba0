/**
 * English: the email to the CBP E-Commerce team (dialogs/EscalationDialog.ts), step by step:
 * the prompts, the help for each step, the replies to unexpected answers, the summary, the
 * result and the rate-limit refusal. `{name}` is a value the code fills in (see ../format.ts);
 * the objects with `one` / `other` are plurals.
 */
import { welcome } from './welcome';

/** Button labels of this dialog (each ≤ 25 characters, read as what the person would say). */
const labels = {
  confirm: 'Yes, email it',
  decline: 'No thanks',
  keepQuestion: 'Send this question',
  changeQuestion: 'Change it',
  skipAddress: 'Skip',
  includeTranscript: 'Yes, include it',
  questionOnly: 'No, just the question',
  send: 'Send',
  back: 'Go back',
  cancel: 'Cancel',
} as const;

/** Part of several messages below. */
const noPersonalData = 'Please do not include card numbers, passwords or ID numbers.';
/** Said in every step's help but the summary's. */
const always = 'Say **back** to go to the previous step, or **cancel** to stop without sending anything.';

export const escalation = {
  labels,
  /** The buttons after the dialog ends. */
  afterwards: [welcome.labels.askQuestion, welcome.labels.checkShipment],
  cardRemoved: 'I removed what looked like a card number. Never send card numbers, passwords or ID numbers.',
  alreadyWriting: "You are already writing to the CBP E-Commerce team. Let's finish your message, or say **cancel** to stop.",

  confirmPrompt: `I can send your question to the CBP E-Commerce team by email. If you give me your email address, they will reply to you by email.\n\n${noPersonalData}\n\nDo you want me to email the team?`,
  questionIntro: 'This is the question I will send:',
  questionAsk: 'Send it as it is, or change it?',
  typingPrompt: `Please type the question you want to send to the team. Say what happened, and add dates, tracking numbers and the country the goods came from if they matter.\n\n${noPersonalData}`,
  replyToPrompt: `What email address should the team reply to? This is optional. If you choose **${labels.skipAddress}**, the team cannot answer you personally.`,
  transcriptPrompt: 'Should I include our conversation so far (the last {messages})? It can help the team understand your question. If not, I send only your question.',
  /** "the last message", "the last 4 messages". */
  messageCount: { one: 'message', other: '{count} messages' },

  summaryIntro: 'Here is exactly what I will send to the CBP E-Commerce team at {inbox}:',
  summaryQuestion: '**Your question**',
  summaryReplyTo: '**Reply to:** {address}',
  summaryNoReplyTo: '**Reply to:** no address. The team cannot answer you personally.',
  summaryTranscriptIncluded: '**Our conversation:** included (the last {messages})',
  summaryTranscriptNotIncluded: '**Our conversation:** not included',
  summaryAlsoSentGuesses: '**Also sent:** the topics I thought were closest ({guesses}), where you asked, your language setting and the time.',
  summaryAlsoSent: '**Also sent:** where you asked, your language setting and the time.',
  summaryAsk: 'Send it now?',

  /** "help" at each step. */
  helpAlways: always,
  helpConfirm: `I can forward your question by email to the E-Commerce team of U.S. Customs and Border Protection (CBP). They handle questions about online purchases, low-value shipments and counterfeits. Choose **${labels.confirm}** to go on, or **${labels.decline}**. ${always}`,
  helpQuestion: `This is the question the team will read. Choose **${labels.keepQuestion}** to keep it, or **${labels.changeQuestion}** to type it again in your own words. ${always}`,
  helpTyping: `Type your question in your own words, in up to {limit} characters. What happened, the dates, a tracking number and the country the goods came from help the team answer. ${noPersonalData} ${always}`,
  helpReplyTo: `The team uses your email address only to answer you. Type it like **name@example.com**. It is optional: choose **${labels.skipAddress}** if you prefer, but then the team cannot answer you personally. ${always}`,
  helpTranscript: `The conversation shows the team what you already asked and what I answered. I send it only if you choose **${labels.includeTranscript}**. ${always}`,
  helpSummary: `Choose **${labels.send}** to send this email, **${labels.back}** to change something, or **${labels.cancel}** to send nothing.`,

  /** An answer that is not one of the buttons. */
  chooseConfirm: `Please choose **${labels.confirm}** or **${labels.decline}**.`,
  chooseKeepQuestion: `Please choose **${labels.keepQuestion}** or **${labels.changeQuestion}**.`,
  chooseTranscript: `Please choose **${labels.includeTranscript}** or **${labels.questionOnly}**.`,
  chooseSend: `Please choose **${labels.send}**, **${labels.back}** or **${labels.cancel}**.`,
  questionTooShort: 'Please type your question in a few words, so the team knows what you need.',
  questionTooLong: 'That is too long for one email: please keep your question under {limit} characters (it has {length}).',
  questionReplaced: 'OK, I will send what you just typed instead.',
  noAddress: 'OK, no email address. Without one, the team cannot answer you personally.',
  notAnAddress: `That does not look like an email address. Please type it like **name@example.com**, or choose **${labels.skipAddress}**.`,

  cancelled: 'OK, I stopped. Nothing was sent. What else can I help with?',
  declined: 'OK, I will not send anything. You can also write to the team yourself at {inbox}. What else can I help with?',
  notStored: `Sorry, I could not send your message because of a problem on my side. **Nothing was sent.**\n\nPlease write to the CBP E-Commerce team yourself at {inbox}. ${noPersonalData}`,

  sent: 'Sent. Your reference number is **{reference}**. {who}',
  sentQueued: 'Saved. Your reference number is **{reference}**. Because many messages are waiting, it will be sent within {wait}. {who}',
  sentReplyTo: 'The team will reply to {address}.',
  sentNoReplyTo: 'You did not give an email address, so the team cannot answer you personally.',
  nextHeading: '**What happens next**',
  nextGoesTo: '- Your message goes to the CBP E-Commerce team at {inbox}.',
  nextAnswerByEmail: '- They answer by email. Check your spam folder if you do not see it.',
  nextReference: '- If you write to the team about this question, include your reference number {reference}.',
  nextNoCardNumbers: '- Never send card numbers, passwords or ID numbers by email.',
  anythingElse: 'Is there anything else I can help with?',

  /** The email limits (issue 13). `{messages}` is `messagesSent`; `{window}` one of the window texts. */
  limitConversation: 'You have already sent {messages} to the CBP E-Commerce team in the last {window}. That is the most I can send from one conversation, so I cannot send another one now.',
  limitClient: 'You have already sent {limit} messages to the CBP E-Commerce team in the last {window}. That is the most I can send for one person, so I cannot send another one now.',
  limitTryAgain: `Please try again in {wait}, or write to the team yourself at {inbox}. ${noPersonalData}`,
  messagesSent: { one: 'a message', other: '{count} messages' },
  /** "about 2 minutes", "about 1 hour". */
  waitMinutes: { one: 'about {count} minute', other: 'about {count} minutes' },
  waitHours: { one: 'about {count} hour', other: 'about {count} hours' },
  /** The length of a rate-limit window: "hour", "2 hours", "10 minutes". */
  windowHour: 'hour',
  windowHours: '{count} hours',
  windowMinutes: '{count} minutes',

  /** Readable names of knowledge topics, for the email subject. */
  topicNames: {
    'section-321': 'De minimis (Section 321)',
    postal: 'Postal shipments',
    entry: 'Entry of low-value shipments',
    'gifts-travel': 'Gifts and travel',
    counterfeits: 'Counterfeit goods',
    compliance: 'Import compliance',
    'pilot-rulings': 'Section 321 pilot and rulings',
    'tariffs-refunds': 'Tariffs and refunds',
    contact: 'Contacting CBP',
    glossary: 'Customs terms',
  } as Record<string, string>,
} as const;
