// The customer's words: documents, invoice statuses and countries as a customer in Norway (nb), Denmark (da),
// Sweden (sv) or Finland (fi) reads them. The staff UI is English; these go next to it where the content is the
// customer's (a letter's kind in the letter's language, the customer's country). Letter titles follow
// src/main/resources/letters/text_*.properties.

const DOCUMENTS = {
  INVOICE: { en: 'Invoice', nb: 'Faktura', da: 'Faktura', sv: 'Faktura', fi: 'Lasku' },
  CREDIT_NOTE: { en: 'Credit note', nb: 'Kreditnota', da: 'Kreditnota', sv: 'Kreditfaktura', fi: 'Hyvityslasku' },
  FRIENDLY_NOTICE: { en: 'Friendly notice', nb: 'Vennlig påminnelse', da: 'Venlig påmindelse', sv: 'Vänlig påminnelse', fi: 'Ystävällinen muistutus' },
  REMINDER: { en: 'Reminder', nb: 'Purring', da: 'Rykker', sv: 'Betalningspåminnelse', fi: 'Maksumuistutus' },
  NOTICE: { en: 'Collection notice', nb: 'Inkassovarsel', da: 'Inkassovarsel (påkrav)', sv: 'Inkassokrav', fi: 'Maksukehotus' },
  PAYMENT_DEMAND: { en: 'Payment demand', nb: 'Betalingsoppfordring', da: 'Betalingsopfordring', sv: 'Betalningsuppmaning', fi: 'Maksuvaatimus' },
};
// Distribution names the collection notice differently from dunning.
DOCUMENTS.COLLECTION_NOTICE = DOCUMENTS.NOTICE;

const STATUSES = {
  OPEN: { en: 'Open', nb: 'Ubetalt', da: 'Ubetalt', sv: 'Obetald', fi: 'Maksamatta' },
  SETTLED: { en: 'Settled', nb: 'Betalt', da: 'Betalt', sv: 'Betald', fi: 'Maksettu' },
  READY_FOR_COLLECTION: { en: 'Ready for collection', nb: 'Klar for inkasso', da: 'Klar til inkasso', sv: 'Redo för inkasso', fi: 'Valmis perintään' },
  COLLECTION_APPROVED: { en: 'Collection approved', nb: 'Inkasso godkjent', da: 'Inkasso godkendt', sv: 'Inkasso godkänd', fi: 'Perintä hyväksytty' },
  WRITTEN_OFF: { en: 'Written off', nb: 'Avskrevet', da: 'Afskrevet', sv: 'Avskriven', fi: 'Kirjattu pois' },
  CREDITED: { en: 'Credited', nb: 'Kreditert', da: 'Krediteret', sv: 'Krediterad', fi: 'Hyvitetty' },
  CANCELLED: { en: 'Cancelled', nb: 'Kansellert', da: 'Annulleret', sv: 'Makulerad', fi: 'Mitätöity' },
  HANDED_OVER: { en: 'Handed over', nb: 'Sendt til inkasso', da: 'Sendt til inkasso', sv: 'Överlämnad till inkasso', fi: 'Siirretty perintään' },
  RECALLED: { en: 'Recalled', nb: 'Trukket tilbake fra inkasso', da: 'Tilbagekaldt fra inkasso', sv: 'Återkallad från inkasso', fi: 'Peruttu perinnästä' },
  UNCOLLECTABLE: { en: 'Uncollectable', nb: 'Ikke innkrevd', da: 'Ikke inddrevet', sv: 'Ej indriven', fi: 'Perimättä jäänyt' },
};

const COUNTRIES = {
  NO: { en: 'Norway', nb: 'Norge', da: 'Norge', sv: 'Norge', fi: 'Norja' },
  DK: { en: 'Denmark', nb: 'Danmark', da: 'Danmark', sv: 'Danmark', fi: 'Tanska' },
  SE: { en: 'Sweden', nb: 'Sverige', da: 'Sverige', sv: 'Sverige', fi: 'Ruotsi' },
  FI: { en: 'Finland', nb: 'Finland', da: 'Finland', sv: 'Finland', fi: 'Suomi' },
};

/** The language a country's customers read (nb, da, sv, fi), as the creditor defaults have it. */
export const COUNTRY_LANGUAGE = { NO: 'nb', DK: 'da', SE: 'sv', FI: 'fi' };

/** "English · Nordic" when the language is one of ours and says it differently, else the English word. */
function both(entry, code, language) {
  if (!entry) return code ?? '';
  const own = entry[normalise(language)];
  return own && own !== entry.en ? `${entry.en} · ${own}` : entry.en;
}

/** no and nn read the Norwegian (bokmål) labels. */
function normalise(language) {
  const lang = String(language || '').toLowerCase().split(/[-_]/)[0];
  return lang === 'no' || lang === 'nn' ? 'nb' : lang;
}

/** A document or letter kind (INVOICE, REMINDER, NOTICE, COLLECTION_NOTICE, ...): "Reminder · Purring". */
export function documentLabel(kind, language) {
  return both(DOCUMENTS[kind], kind, language);
}

/** An invoice status as the customer reads it in their language ("Ubetalt"); null when there is none. */
export function customerStatus(status, language) {
  const own = STATUSES[status]?.[normalise(language)];
  return own || null;
}

/** The English word for an invoice status ("Ready for collection"). */
export function statusLabel(status) {
  return STATUSES[status]?.en || status || '';
}

/** The customer's country: "Norway · Norge" (named in that country's own language). */
export function countryLabel(code) {
  return both(COUNTRIES[code], code, COUNTRY_LANGUAGE[code]);
}

/** The countries we follow invoices up in, for filters. */
export const COUNTRY_CODES = Object.keys(COUNTRIES);
