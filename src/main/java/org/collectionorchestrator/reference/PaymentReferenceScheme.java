package org.collectionorchestrator.reference;

/**
 * The structured payment references Nordic creditors put on invoices, each with its check-digit rule
 * (domain.md §3 "Payment references").
 *
 * <p>{@link #isValid(String)} expects a value already passed through {@link PaymentReferences#normalize(String)}:
 * no whitespace, upper case, Danish card-type prefix removed. It never throws; {@code null} is invalid.
 *
 * <p>Validation accepts every reference the algorithm accepts. Rules that only concern <em>issuing</em> references
 * (avoid a KID ending in {@code -}, print Finnish references without leading zeros) are not applied here: a payment
 * arriving with such a reference still identifies the invoice it was issued for.
 */
public enum PaymentReferenceScheme {

    /** Norwegian KID, MOD10: 2–25 digits, the last a Luhn check digit. */
    NO_KID_MOD10 {
        @Override
        public boolean isValid(String normalizedValue) {
            return CheckDigits.isDigits(normalizedValue, 2, 25) && CheckDigits.luhn(normalizedValue);
        }
    },

    /**
     * Norwegian KID, MOD11: 2–25 characters, digits then one check character. From the right the base digits are
     * weighted 2, 3, 4, 5, 6, 7, 2, 3 …; r = 11 − (sum mod 11); r = 11 gives {@code 0}, r = 10 gives {@code -}.
     *
     * <p>A KID ending in {@code -} (for example {@code 1000005-}) is <strong>valid</strong> here. The algorithm
     * prescribes that character, the published Norwegian test suites behind the shared samples treat such KIDs as
     * valid, and a payment carrying one has been accepted by the payer's bank. Many payers and banks refuse to key a
     * KID ending in {@code -}, so whatever <em>issues</em> MOD11 KIDs must choose bases that do not produce it
     * (domain.md §3); that is a rule for generation, not for validating what arrives.
     */
    NO_KID_MOD11 {
        @Override
        public boolean isValid(String normalizedValue) {
            if (normalizedValue == null || normalizedValue.length() < 2 || normalizedValue.length() > 25) {
                return false;
            }
            int last = normalizedValue.length() - 1;
            String base = normalizedValue.substring(0, last);
            if (!CheckDigits.isDigits(base, 1, 24)) {
                return false;
            }
            return normalizedValue.charAt(last) == CheckDigits.mod11CheckCharacter(base);
        }
    },

    /** Swedish OCR reference (Bankgirot) without length digit: 2–25 digits, Luhn over all of them. */
    SE_OCR {
        @Override
        public boolean isValid(String normalizedValue) {
            // The 25-digit maximum is unconfirmed by Bankgirot's own manual (domain.md §3).
            return CheckDigits.isDigits(normalizedValue, 2, 25) && CheckDigits.luhn(normalizedValue);
        }
    },

    /**
     * Swedish OCR reference with length digit: a valid {@link #SE_OCR} whose second-last digit is the total length
     * (both control digits included) mod 10.
     */
    SE_OCR_LENGTH {
        @Override
        public boolean isValid(String normalizedValue) {
            if (!SE_OCR.isValid(normalizedValue)) {
                return false;
            }
            int length = normalizedValue.length();
            return normalizedValue.charAt(length - 2) - '0' == length % 10;
        }
    },

    /**
     * Danish FI-kort +71 betalings-ID: exactly 15 digits (14 zero-padded digits and a Luhn check digit). Only the ID;
     * the {@code +71<} code-line or {@code 71/} camt form is stripped by {@link PaymentReferences#normalize(String)}.
     */
    DK_FIK71 {
        @Override
        public boolean isValid(String normalizedValue) {
            return CheckDigits.isDigits(normalizedValue, 15, 15) && CheckDigits.luhn(normalizedValue);
        }
    },

    /**
     * Finnish reference (viitenumero): 4–20 digits, the last a check digit. From the right the base digits are
     * weighted 7, 3, 1, 7, 3, 1 …; check = (10 − sum mod 10) mod 10. Leading zeros are accepted (and count towards
     * the length): "no leading zeros" is how references are printed, and published samples carry them.
     */
    FI_REF {
        @Override
        public boolean isValid(String normalizedValue) {
            if (!CheckDigits.isDigits(normalizedValue, 4, 20)) {
                return false;
            }
            int last = normalizedValue.length() - 1;
            int sum = CheckDigits.weightedSumFromRight(normalizedValue.substring(0, last), 7, 3, 1);
            return normalizedValue.charAt(last) - '0' == (10 - sum % 10) % 10;
        }
    },

    /**
     * RF creditor reference (ISO 11649): {@code RF}, two check digits, 1–21 letters or digits (25 characters at
     * most). Valid when the reference with its first four characters moved to the end, letters read as A = 10 …
     * Z = 35, leaves 1 modulo 97. The check digits must be 02–98, the only values 98 − (n mod 97) can take; without
     * that, {@code RF00…} would pass wherever {@code RF97…} does.
     */
    RF {
        @Override
        public boolean isValid(String normalizedValue) {
            if (normalizedValue == null || normalizedValue.length() < 5 || normalizedValue.length() > 25
                    || !normalizedValue.startsWith("RF")
                    || !CheckDigits.isDigits(normalizedValue.substring(2, 4), 2, 2)) {
                return false;
            }
            int checkDigits = Integer.parseInt(normalizedValue.substring(2, 4));
            if (checkDigits < 2 || checkDigits > 98) {
                return false;
            }
            String rearranged = normalizedValue.substring(4) + normalizedValue.substring(0, 4);
            return CheckDigits.mod97(rearranged) == 1;
        }
    };

    /**
     * Whether {@code normalizedValue} (see {@link PaymentReferences#normalize(String)}) is a well-formed reference of
     * this scheme with a correct check digit. {@code null} is not.
     */
    public abstract boolean isValid(String normalizedValue);
}
