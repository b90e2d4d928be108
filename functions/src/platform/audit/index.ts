/**
 * The audit log and pseudonymous references to people, for every feature (functions/docs/privacy.md).
 * `platform/` imports no feature: features call these with their own store and request id.
 */
export { appendAudit, auditParts, auditEntryPart, auditEntryOf, auditMonthOf, type AuditEntry, type AuditInput } from './audit';
export { personRefOf, personRefPart, forgetPersonRefPart, peopleOfRefs, refWith } from './person-ref';
export { scrubPerson, scrubText, mentionsPerson, pseudonymOf, type PersonTraces, type Pseudonym } from './pseudonym';
export { objectKeysUnder, eraseObjectsUnder } from './objects';
