package org.collectionorchestrator.reference;

/** The check-digit arithmetic the payment reference schemes share. Inputs are normalised references. */
final class CheckDigits {

    private CheckDigits() {
    }

    /** Whether {@code value} is {@code min}..{@code max} ASCII digits (no other scripts' digits). */
    static boolean isDigits(String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Luhn (MOD10): walking from the right, the last digit counts once and every second digit before it is
     * doubled (a product above 9 loses 9); the whole number is valid when the sum ends in 0. Digits only.
     */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * Sum of the digits of {@code base} multiplied, from the rightmost digit leftwards, by {@code weights}
     * repeated. Digits only.
     */
    static int weightedSumFromRight(String base, int... weights) {
        int sum = 0;
        for (int i = 0; i < base.length(); i++) {
            int d = base.charAt(base.length() - 1 - i) - '0';
            sum += d * weights[i % weights.length];
        }
        return sum;
    }

    /**
     * ISO 7064 MOD 97-10 remainder of an upper-case alphanumeric string, letters read as two-digit numbers
     * (A = 10 … Z = 35). Returns -1 if a character is neither an ASCII digit nor A–Z.
     */
    static int mod97(CharSequence alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return -1;
            }
        }
        return remainder;
    }
    /** The Luhn check digit that makes {@code base} followed by it valid under {@link #luhn(String)}. Digits only. */
    static char luhnCheckDigit(String base) {
        int sum = 0;
        for (int i = 0; i < base.length(); i++) {
            int d = (base.charAt(base.length() - 1 - i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** The MOD11 check character of a KID base: {@code 0}–{@code 9}, or {@code -} when 11 − (sum mod 11) is 10. */
    static char mod11CheckCharacter(String base) {
        int r = 11 - weightedSumFromRight(base, 2, 3, 4, 5, 6, 7) % 11;
        return r == 11 ? '0' : r == 10 ? '-' : (char) ('0' + r);
    }

    /** The Finnish 7-3-1 check digit of {@code base}. Digits only. */
    static char finnishCheckDigit(String base) {
        return (char) ('0' + (10 - weightedSumFromRight(base, 7, 3, 1) % 10) % 10);
    }

    /** The two ISO 11649 check digits of an upper-case alphanumeric creditor reference body. */
    static String rfCheckDigits(String body) {
        int check = 98 - mod97(body + "RF00");
        return check < 10 ? "0" + check : Integer.toString(check);
    }
}
