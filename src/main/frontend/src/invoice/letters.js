// The invoice's letters: kind in English and in the letter's own language, and a button that opens the PDF.
import { api } from '../api.js';
import { h, money, table } from '../dom.js';
import { documentLabel } from '../nordic.js';

export function lettersTable(invoiceId, letters) {
  return table([
    { label: 'No.', numeric: true, value: (l) => l.letterNumber },
    { label: 'Letter', value: (l) => documentLabel(l.kind, l.language) },
    { label: 'Language', value: (l) => l.language },
    { label: 'Date', value: (l) => l.letterDate },
    { label: 'Pay by', value: (l) => l.deadline || l.payBy },
    { label: 'Delivered', value: (l) => l.deliveredOn || '' },
    { label: 'Fee', numeric: true, value: (l) => money(l.fee, l.currency) },
    { label: 'To pay', numeric: true, value: (l) => money(l.totalToPay, l.currency) },
    { label: '', value: (l) => openButton(invoiceId, l) },
  ], letters, { testId: 'invoice-letters', empty: 'No letter sent yet.', className: 'nowrap' });
}

function openButton(invoiceId, letter) {
  const button = h('button', {
    type: 'button', 'data-testid': 'letter-open', onclick: () => openPdf(button, invoiceId, letter.letterNumber),
  }, 'Open PDF');
  return button;
}

/** Fetched with the caller's token (a plain link would not send it), then shown in a new tab from an object URL. */
async function openPdf(button, invoiceId, number) {
  button.disabled = true;
  button.parentElement.querySelector('.error')?.remove();
  try {
    const pdf = await api.blob(`/api/v1/invoices/${invoiceId}/letters/${number}`, 'application/pdf');
    const url = URL.createObjectURL(pdf);
    const tab = window.open(url, '_blank');
    if (!tab) {
      // A blocked pop-up: offer the link instead.
      button.after(h('a', { href: url, target: '_blank', rel: 'noopener' }, ' open the letter'));
    }
    setTimeout(() => URL.revokeObjectURL(url), 5 * 60 * 1000);
  } catch (error) {
    button.after(h('span', { class: 'error inline', 'data-testid': 'error-box' }, `Could not open the letter: ${error.message}`));
  } finally {
    button.disabled = false;
  }
}
