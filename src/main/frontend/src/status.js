// Invoice statuses and dunning stages as badges: the English word shown, the API's code in data-status/data-stage.
import { badge, words } from './dom.js';
import { customerStatus, statusLabel } from './nordic.js';

/** Every invoice status (invoice.InvoiceStatus), in the order an invoice can pass through them. */
export const STATUSES = ['OPEN', 'SETTLED', 'READY_FOR_COLLECTION', 'COLLECTION_APPROVED', 'HANDED_OVER', 'RECALLED',
  'UNCOLLECTABLE', 'WRITTEN_OFF', 'CREDITED', 'CANCELLED'];

const STATUS_TONES = {
  OPEN: 'info', SETTLED: 'good', READY_FOR_COLLECTION: 'warn', COLLECTION_APPROVED: 'warn', HANDED_OVER: 'bad',
  RECALLED: 'info', UNCOLLECTABLE: 'bad', WRITTEN_OFF: 'muted', CREDITED: 'muted', CANCELLED: 'muted',
};

/** A status badge; with the customer's language, its title says the status as the customer reads it. */
export function statusBadge(status, { language, testId } = {}) {
  const own = language ? customerStatus(status, language) : null;
  const element = badge(statusLabel(status), { tone: STATUS_TONES[status], title: own || undefined, data: { status } });
  if (testId) element.dataset.testid = testId;
  return element;
}

/** NONE, REMINDER_1, REMINDER_2, ..., NOTICE, PAYMENT_DEMAND, READY_FOR_COLLECTION in words. */
export function stageLabel(stage) {
  if (!stage || stage === 'NONE') return 'None';
  const reminder = /^REMINDER_(\d+)$/.exec(stage);
  if (reminder) return `Reminder ${reminder[1]}`;
  if (stage === 'NOTICE') return 'Collection notice';
  return words(stage);
}

export function stageBadge(stage, { testId } = {}) {
  const tone = !stage || stage === 'NONE' ? 'muted' : stage.startsWith('REMINDER') ? 'warn' : 'bad';
  const element = badge(stageLabel(stage), { tone, data: { stage: stage || 'NONE' } });
  if (testId) element.dataset.testid = testId;
  return element;
}
