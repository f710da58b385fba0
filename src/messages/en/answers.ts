/**
 * English: the replies around a knowledge answer — "did you mean", "I don't know", another part
 * of CBP, a message with several questions — and the citation line and card note the channels
 * add. The answers themselves are the knowledge documents (knowledge/). `{name}` is a value the
 * code fills in (see ../format.ts).
 */
import { INFO_CENTER } from './welcome';

export const answers = {
  didYouMean: "I'm not sure I understood. Did you mean one of these?",
  otherCbp: `That sounds like a question about another part of CBP's work. I only cover e-commerce: online purchases, low-value shipments and counterfeits. For travel, trusted traveler programs, jobs and other CBP matters, please contact ${INFO_CENTER}.`,
  closestTopics: "Sorry, I don't have a clear answer to that. These are the closest topics I have:",
  closestAskAnother: 'You can also ask another way, or send your question to the CBP E-Commerce team by email.',
  noAnswer:
    "Sorry, I don't have an answer to that. I can help with U.S. Customs rules for online purchases and low-value shipments, gifts, counterfeits, and import rules for online sellers. You can ask another way, or send your question to the CBP E-Commerce team by email.",
  /** Parcels that never cross a border (domestic shipping): not ours, and who to ask instead. */
  oneCountry:
    "I only cover goods coming into the United States from abroad, so I can't help with a parcel that stays inside one country. For delivery, tracking, strikes or lost mail, the carrier or postal service is the one to ask. If your parcel is coming from another country, tell me where it's coming from.",
  /** A parcel lost, late, stolen or left at the wrong address, with nothing about customs: the carrier's business. */
  delivery:
    "I cover U.S. Customs rules for goods coming into the United States, so I can't help with a parcel that is lost, late or delivered to the wrong place. The carrier or postal service that delivers it handles tracking, missing parcels and claims. If customs is holding your parcel or asked you to pay duty on it, tell me where it's coming from.",
  /** Something sent from here to another country: postage, forms for leaving, the other country's charges. */
  leavesUs:
    "I cover goods coming into the United States, so I can't help with sending something to another country. Your carrier or postal service can tell you the postage and the forms for sending it, and the other country's customs decides any charges when it arrives there.",
  /** Income and business taxes, not customs. */
  incomeTax:
    "I cover U.S. Customs rules for goods coming into the United States, so I can't help with income or business taxes. The IRS (irs.gov) answers questions about reporting income, tax returns and forms such as the 1099; your state's tax agency answers state taxes. If your question is about duty on goods you import, tell me about the goods.",
  /** A company's own business (customer service, accounts, jobs, opening hours), not customs. */
  company:
    "I cover U.S. Customs rules for goods coming into the United States, so I can't help with a company's own business, such as its customer service, accounts, jobs or opening hours. The company itself is the one to ask. If your question is about duty or customs on something you bought or sell, tell me about it.",
  /** The price of sending something (postage, a carrier's rates), wherever it goes. */
  postage:
    "I cover U.S. Customs rules for goods coming into the United States, so I can't quote postage or shipping prices. The carrier or postal service you send with gives its rates, and most have a price calculator on their website. If you want to know whether duty is owed on goods coming into the United States, tell me what they are, where they come from and what they're worth.",
  /** A message with several questions: the one answered, then the others as buttons. */
  onQuestion: 'On "{question}":',
  /** `{questions}`: each `otherQuestion`, joined with `and`. */
  alsoAsked: 'You also asked {questions}. Choose a button below.',
  otherQuestion: '"{question}" (see **{label}**)',
  /** Another question of the message answered outright too: its short answer, and where the rest is. */
  briefAnswer: 'On "{question}": {answer} (More under **{label}**.)',
  and: ' and ',
  /** The citation line under an answer: "Source: [CBP FAQ](…) · Reviewed 25 Nov 2026". */
  source: 'Source: {links}',
  sources: 'Sources: {links}',
  reviewed: 'Reviewed {date}',
  /** The email channel: the heading of the citation list, and the buttons written as words. */
  sourceHeading: 'Source:',
  sourcesHeading: 'Sources:',
  emailFeedback: 'Did this answer help? Reply {choices}.',
  or: ' or ',
  emailReplyWith: 'You can reply with one of these:',
  emailAlsoAsk: 'You can also ask:',
  /** Under a verdict's card. */
  cardReviewed: 'Rules reviewed {date}. Reasons, next steps and sources are in the message.',
} as const;
