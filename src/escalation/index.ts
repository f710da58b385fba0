/**
 * The escalation core: when the bot cannot answer, the person's question goes to the E-Commerce
 * inbox by email, durably. No botbuilder imports here; the dialog uses this API.
 */
export type { EnqueueResult, EscalationRequest, DeliveryState, OutboxEntry, OutboxRecord, OutboxStatus, SanitizedEscalation, TranscriptEntry } from './types';
export { Outbox, hashIdempotencyKey, type OutboxOptions } from './outbox';
export type { OutboxStore, DeliveryClaim, ClaimOptions } from './store';
export { FileOutboxStore } from './fileStore/FileOutboxStore';
export { Mailer, DEFAULT_BACKOFF, type MailerOptions, type OutboxHealth, type DeliveryPassResult, type DeliveryOutcome } from './mailer';
export { SmtpTransport, EmlFileTransport, type MailTransport, type DeliveryReceipt, type SmtpTimeouts } from './transport';
export { composeEscalationEmail, escalationSubject, easternTime, mailboxAddress, REFERENCE_HEADER, type EmailAddresses } from './compose';
export {
  EscalationRateLimiter,
  DEFAULT_ESCALATION_RATE_LIMITS,
  type EscalationRateLimits,
  type RateLimitDecision,
  type EscalationSubject,
  type WindowLimit,
} from './rateLimiter';
export {
  createEscalationSubmitter,
  type EscalationSubmitter,
  type EscalationSubmitResult,
  type EscalationStored,
  type EscalationLimited,
  type SubmitterParts,
} from './submit';
export {
  sanitizeEscalationRequest,
  isValidEmailAddress,
  normalizeReplyTo,
  cleanSingleLine,
  cleanMultiline,
  capLength,
  EscalationValidationError,
  ESCALATION_LIMITS,
} from './sanitize';
export { passesLuhn, removeCardNumbers, CARD_NUMBER_REPLACEMENT } from './luhn';
export { formatReference, parseReference, isReference, REFERENCE_PATTERN } from './reference';
export { backoffDelayMs, backoffSchedule, type BackoffOptions } from './backoff';
export {
  createEscalationService,
  resolveEscalationConfig,
  DEFAULT_ESCALATION_CONFIG,
  type EscalationConfig,
  type EscalationService,
  type EscalationServiceOverrides,
} from './service';
