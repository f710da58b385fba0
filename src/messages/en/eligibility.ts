/**
 * English: the guided duty-free check (dialogs/EligibilityDialog.ts) and the verdict it ends
 * with (dialogs/verdict.ts), also given straight from a message. The rules' own words — the
 * questions, headlines, reasons and next steps — are data in knowledge/rules/duty-free.yaml.
 * `{name}` is a value the code fills in (see ../format.ts).
 */
import { welcome } from './welcome';

/** Button labels of the check (≤ 25 characters, read as what the person would say). */
const labels = {
  differentDate: 'Different date',
  otherDetails: welcome.labels.checkOtherDetails,
} as const;

export const eligibility = {
  labels,
  /** The buttons under a verdict of the guided check. */
  afterVerdict: [welcome.labels.checkAnother, welcome.labels.askQuestion, welcome.labels.email],
  /** The buttons after "cancel". */
  afterCancel: [welcome.labels.checkShipment, welcome.labels.askQuestion, welcome.labels.email],

  intro: "Let's check whether your shipment gets duty-free entry. I'll ask only what matters for the result.",
  commands:
    'You can say "back" to change your last answer, "change date" to check another arrival date, "restart" to start over or "cancel" to stop. You can also ask me a question at any time.',
  /** `{facts}` is a list of the fact phrases below, joined with ", ". */
  fromMessageRestart: 'From your message: {facts}. To change one of these, say "restart" and answer from the beginning.',
  noted: 'Noted: {facts}.',
  /** A date that needs the day: `{text}` is what the person said, `{notes}` the rules' notes. */
  youSaid: 'You said {text}. {notes}',
  checkingToday: `I'm checking for goods that arrive today, {date}. If yours arrived (or will arrive) on another day, choose "${labels.differentDate}".`,
  foreignMoney: 'You mentioned {amount} {currency}. I need the value in U.S. dollars.',

  helpChoose: 'Choose a button or type your answer.',
  helpType: 'Type your answer.',
  helpUnsure: 'If you don\'t know, choose "Not sure": I will tell you what the result depends on.',

  noAnswer: 'I did not get an answer. Please type it, or choose one of the buttons.',
  newCheck: "OK, let's start a new check.",
  typeTheDay: 'Please type the day the goods arrived (or will arrive), for example "1 March 2025".',
  answerTooLong: 'That is longer than I can use as an answer. Please answer in a few words, or choose one of the buttons.',
  plainTextOnly: 'Please type your answer as plain text, or choose one of the buttons.',
  answerOrQuestion: 'I could not tell whether that was your answer or a question. To answer, please type just the answer, or choose a button.',
  notedEntryDate: 'Noted: entry date {date}.',
  notedEntryDateToday: 'Noted: entry date {date} (today).',
  notedAmount: 'Noted: {amount}.',
  keptEarlier: 'I kept your earlier answer: {facts}. To change it, say {how}.',
  keptHowDate: '"change date" for the date, or "restart"',
  keptHowRestart: '"restart"',
  oneDate: 'Please give one date, for example "yesterday", "last Tuesday" or "1 March 2025".',
  /** `{dates}` joined with `and`. */
  rulesChanged: 'The rules changed on {dates}, so the exact day matters. Please give the day, for example "{example}".',
  and: ' and ',
  cancelled: 'OK, I stopped the check. What would you like to do next?',

  /** An answer the check cannot use (src/rules/parse), and what it assumed. */
  parseKind: 'Please choose one: something you bought, a gift sent to you, unsold warehouse stock, or things you bring back from a trip.',
  parseCountry: 'Sorry, I did not recognize that country. Please type its name, like "United Kingdom", or a code, like "GB".',
  parseMode: 'Please say "mail" (the postal service) or "courier" (DHL, FedEx, UPS or cargo).',
  /** `{labels}`: the content labels, lower case, joined with ", ". */
  parseContents: 'Please say which of these it contains ({labels}), or "none of these".',
  parseYesNo: 'Please answer yes, no or not sure.',
  parseAmount: 'Please give one amount in U.S. dollars, for example "$45" or "1,200".',
  parseForeignAmount: 'Please give the value in U.S. dollars: about how much is {amount} {currency} in dollars?',
  parseEstimate: 'Please give your best estimate of the amount, for example "about $850".',
  usedAmount: 'I used {amount}.',
  dateEmpty: 'Please type a date, for example "today" or "1 March 2025".',
  dateNotReal: '{text} is not a real date. Please check the month and day.',
  dateNotRealNumeric: '{text} is not a real date. Please write it like "1 March 2025".',
  /** 3/4/2025: 4 March in the U.S., 3 April elsewhere. */
  dateAmbiguous: 'Did you mean {first} or {second}? Please write the month as a word, like "1 March 2025".',
  dateMiddleOfYear: 'I used {date}, the middle of {year}.',
  dateMiddleOfMonth: 'I used {date}, the middle of {month} {year}.',
  datePartOfMonth: 'I used {date}, for {said}.',
  dateNotUnderstood: 'Sorry, I did not understand that date. Try "today", "last Tuesday" or "1 March 2025".',
  dateNeedsDay: 'Please give a day, for example "1 March 2025".',
  dateTooFarAhead: 'That is more than a year ahead. Please give a date up to {date}.',
  dateTooFarBack: 'That date is too far in the past. Please check the year.',
  /** A month or year in which the rules changed, read from a message; `{dates}` joined with `and`. */
  exactDayMatters: 'The rules changed on {dates}, so the exact day matters.',
  /** A month in which the rules changed, but not for these goods (`{period}`: "May 2025"). */
  anyDayInPeriod: 'The rules changed during {period}, but not in a way that matters here: any day in {period} gives this result.',
  /** Two values offered as either one ("either $90 or $130") that give the same result. */
  anyValueBetween: 'Whether it was {low} or {high}, the result is the same.',
  /** Two values offered as either one that give different results. */
  valueBetweenDecides: 'At {low} and at {high} the results differ, so it depends on the exact value: the invoice or the sender can tell you.',
  /** A verdict from a message naming a marketplace (src/understanding/shipment.ts). */
  marketplaceOrigin: `{marketplace} orders have usually come from {country}, so I checked for that. If yours came from a warehouse in another country (or in the U.S.), choose "${labels.otherDetails}".`,
  marketplaceAnyOrigin: '{marketplace} sellers ship from many places; where yours came from does not change this result.',
  /** A verdict whose origin was read from a city the message names ("my mom in Vancouver"). */
  cityOrigin: `You mentioned {place}, so I checked for goods sent from {country}. If yours came from another country (or from inside the U.S.), choose "${labels.otherDetails}".`,
  /** A verdict whose origin was read from an adjective or a country before a seller ("a German site"). */
  sellerOrigin: `I took "{said}" to mean goods sent from {country}, so I checked for that. Sellers often ship from warehouses in other countries: if yours came from elsewhere (or from inside the U.S.), choose "${labels.otherDetails}".`,
  /**
   * A verdict that takes the usual case for facts people rarely mention (src/understanding/shipment.ts):
   * `{assumptions}` is the list of the three below that were assumed, joined with `and`.
   */
  ordinaryCase: `I assumed {assumptions}. If that is not so, choose "${labels.otherDetails}".`,
  /** `{contents}`: the goods that would change the result, joined with `or` ("alcohol, tobacco or perfume"). */
  ordinaryNoContents: 'it holds no {contents}',
  ordinaryAloneThatDay: 'nothing else arrived for you that day',
  ordinaryNotSplit: 'it is not one part of a bigger order sent in pieces',
  /** Joins the last of several goods ("alcohol, tobacco or perfume"). */
  or: 'or',

  /** What was read from a message, in words ("something you bought, value $50, from the United Kingdom"). */
  factValue: 'value {amount}',
  factFrom: 'from {country}',
  factSentFrom: 'sent from {country}',
  /** Country names that read with "the" ("from the United Kingdom"). */
  countryWithThe: 'the {country}',
  factByMail: 'by mail',
  factByCourier: 'by courier or express',
  factEntryDate: 'entry date {date}',
  /** `{contents}`: the content labels, lower case, joined with `and`. */
  factContains: 'contains {contents}',
  factSplitOrder: 'part of a split order',
  factSameDayTotal: '{amount} arriving for you that day in all',

  /** The verdict. */
  checkedEveryDate: 'I checked every arrival date, because the date is not known.',
  checkedDaysBetween: 'I checked every day from {from} to {to}, because the exact day is not known.',
  checkedToday: 'I checked for goods that arrive today, {date}. If yours arrived on another day, {anotherDay}.',
  anotherDayFromMessage: `choose "${labels.otherDetails}"`,
  anotherDayInCheck: `choose "${welcome.labels.checkAnother}" and then "${labels.differentDate}"`,
  checkedArrived: 'I checked for goods that arrived on {date}.',
  checkedArrive: 'I checked for goods that arrive on {date}.',
  checkedWillArrive: 'I checked for goods that will arrive on {date}.',
  why: '**Why**',
  whatYouCanDo: '**What you can do**',
  legalBasis: '**Legal basis:** {basis}',
  reminder: '*{reminder}*',
  whatIUsed: '**What I used**',
  yourAnswers: '**Your answers**',
  reason: '- {text}',
  reasonSince: '- {text} *(since {date})*',
  entryDateToday: '{date} (today)',
  /** A verdict from a message. */
  fromYourMessage: 'From your message: {facts}.',
  /** `{questions}`: each `quotedQuestion`, joined with `and`. */
  otherQuestions: 'You also asked {questions}: choose {buttons} under the result.',
  quotedQuestion: '"{question}"',
  itsButton: 'its button',
  theirButtons: 'their buttons',
} as const;
