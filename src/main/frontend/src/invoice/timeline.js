// The invoice's timeline from its audit trail: what happened, when (in the browser's locale), and the details compact.
import { h, localTime, words } from '../dom.js';

/** invoice.AuditEventType in words for finance staff. */
const LABELS = {
  INVOICE_REGISTERED: 'Invoice registered',
  PROCESS_STARTED: 'Follow-up process started',
  FRIENDLY_NOTICE_SENT: 'Friendly notice sent',
  REMINDER_SENT: 'Reminder sent',
  REMINDER_SKIPPED: 'Reminder skipped',
  NOTICE_SENT: 'Collection notice sent',
  FEE_ADDED: 'Fee added',
  INTEREST_ADDED: 'Late interest added',
  COMPENSATION_ADDED: 'Recovery compensation added',
  LEGAL_LIMIT_APPLIED: 'Limited by law',
  LETTER_DELIVERED: 'Letter delivered',
  DELIVERY_FAILED: 'Delivery failed',
  CONTACT_CORRECTED: 'Contact data corrected',
  PAYMENT_APPLIED: 'Payment applied',
  PAYMENT_REVERSED: 'Payment reversed by the bank',
  PAYMENT_RECOVERED: 'Payment recovered after write-off',
  CREDITED_TO_CUSTOMER: 'Excess credited to the customer',
  CREDITED: 'Credit note applied',
  CANCELLED: 'Cancelled by the creditor',
  SETTLED: 'Settled',
  REOPENED: 'Reopened',
  RESIDUAL_WRITTEN_OFF: 'Small residual written off',
  COSTS_WAIVED: 'Fees and interest waived',
  DUNNING_STOPPED: 'Dunning stopped',
  EXCLUDED_FROM_DUNNING: 'Excluded from automatic dunning',
  DISPUTED: 'Disputed by the customer',
  DISPUTE_RESOLVED: 'Dispute resolved',
  PAUSED: 'Dunning paused',
  RESUMED: 'Dunning resumed',
  READY_FOR_COLLECTION: 'Ready for collection',
  COLLECTION_APPROVED: 'Hand-over approved',
  HAND_OVER_STOPPED: 'Hand-over stopped in review',
  HANDED_OVER: 'Handed over to an agency',
  AGENCY_CASE_UPDATED: 'Agency case updated',
  RECALL_REQUESTED: 'Recall requested',
  AGENCY_CASE_CLOSED: 'Agency case closed',
  WRITTEN_OFF: 'Written off',
};

const MAX_VALUE = 80;

export function auditLabel(type) {
  return LABELS[type] || words(type);
}

/** The entry's details as "letter number 2 · amount 70.00"; long values shortened (the title has them whole). */
function details(entry) {
  const parts = Object.entries(entry)
    .filter(([key, value]) => key !== 'type' && key !== 'at' && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${words(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2'))}: ${text(value)}`);
  const full = parts.join(' · ');
  return h('span', { class: 'details', title: full.length > MAX_VALUE ? full : undefined },
    full.length > 3 * MAX_VALUE ? `${full.slice(0, 3 * MAX_VALUE)}…` : full);
}

function text(value) {
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  const s = String(value);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

/** The audit trail, oldest first as the API gives it. */
export function timeline(auditTrail) {
  if (!auditTrail?.length) return h('p', { class: 'empty', 'data-testid': 'invoice-timeline' }, 'Nothing recorded yet.');
  return h('ol', { class: 'timeline', 'data-testid': 'invoice-timeline' },
    auditTrail.map((entry) => h('li', { 'data-testid': 'timeline-entry', 'data-type': entry.type },
      h('time', { datetime: entry.at }, localTime(entry.at)),
      h('strong', {}, auditLabel(entry.type)),
      details(entry))));
}
