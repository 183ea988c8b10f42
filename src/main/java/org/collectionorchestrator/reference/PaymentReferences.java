package org.collectionorchestrator.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.collectionorchestrator.reference.PaymentReferenceScheme.DK_FIK71;
import static org.collectionorchestrator.reference.PaymentReferenceScheme.FI_REF;
import static org.collectionorchestrator.reference.PaymentReferenceScheme.NO_KID_MOD10;
import static org.collectionorchestrator.reference.PaymentReferenceScheme.NO_KID_MOD11;
import static org.collectionorchestrator.reference.PaymentReferenceScheme.RF;
import static org.collectionorchestrator.reference.PaymentReferenceScheme.SE_OCR;
import static org.collectionorchestrator.reference.PaymentReferenceScheme.SE_OCR_LENGTH;

/**
 * Normalising payment references as payers and banks write them, telling which scheme one belongs to, and issuing
 * new ones from an internal number.
 */
public final class PaymentReferences {

    /** Danish FI-kort +71 as printed in the code line: {@code +71< 123456789012347 +81234567<}. */
    private static final String FIK71_CODE_LINE_PREFIX = "+71<";
    /** Danish FI-kort +71 as banks put it in camt.053 {@code <Ref>}: {@code 71/123456789012347}. */
    private static final String FIK71_CAMT_PREFIX = "71/";

    private PaymentReferences() {
    }

    /**
     * The reference as the schemes validate it: all whitespace removed (so also the grouping in
     * {@code "12345 672"} or {@code "RF18 5390 0754 7034"}), upper case. A Danish +71 reference written with its
     * card type, {@code 71/<id>} or the code-line form {@code +71<<id> +<creditor no.><}, is reduced to the
     * betalings-ID. Nothing else is removed: a {@code -} may be a KID check character. {@code null} gives {@code ""}.
     */
    public static String normalize(String raw) {
        return stripFik71CardType(compact(raw));
    }

    /**
     * The scheme {@code raw} is a valid reference of, among those a creditor in {@code countryCode} accepts, tried in
     * this order: NO {@code NO_KID_MOD10}, {@code NO_KID_MOD11}; SE {@code SE_OCR_LENGTH}, {@code SE_OCR}; DK
     * {@code DK_FIK71}; FI {@code FI_REF}. {@link PaymentReferenceScheme#RF} is accepted in every country (also an
     * unknown or {@code null} one) and tried first when the reference starts with {@code RF}.
     *
     * <p>Empty when {@code raw} is {@code null}, blank or not a valid reference of any accepted scheme. A reference
     * written with the Danish +71 card type ({@code 71/…}, {@code +71<…}) is only ever a {@code DK_FIK71}.
     */
    public static Optional<PaymentReferenceScheme> recognise(String raw, String countryCode) {
        String compact = compact(raw);
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        String value = stripFik71CardType(compact);
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);

        List<PaymentReferenceScheme> candidates = new ArrayList<>();
        if (!value.equals(compact)) {
            if (country.equals("DK")) {
                candidates.add(DK_FIK71);
            }
        } else if (value.startsWith("RF")) {
            candidates.add(RF);
            candidates.addAll(nationalSchemes(country));
        } else {
            candidates.addAll(nationalSchemes(country));
            candidates.add(RF);
        }
        return candidates.stream().filter(scheme -> scheme.isValid(value)).findFirst();
    }

    /** The schemes a creditor in {@code countryCode} may issue: its national ones, the default first, then RF. */
    public static List<PaymentReferenceScheme> schemesFor(String countryCode) {
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        List<PaymentReferenceScheme> schemes = new ArrayList<>(nationalSchemes(country));
        schemes.add(RF);
        return List.copyOf(schemes);
    }

    /** Whether {@code length} is given to {@link #generate} for {@code scheme}: KID and OCR only. */
    public static boolean hasConfigurableLength(PaymentReferenceScheme scheme) {
        return scheme == NO_KID_MOD10 || scheme == NO_KID_MOD11 || scheme == SE_OCR || scheme == SE_OCR_LENGTH;
    }

    /** The shortest total length {@link #generate} takes for a scheme with a configurable length. */
    public static int minimumLength(PaymentReferenceScheme scheme) {
        return scheme == SE_OCR_LENGTH ? 3 : 2;
    }

    /** The longest total length of a KID or OCR reference. */
    public static final int MAXIMUM_LENGTH = 25;

    /** {@link #generate(PaymentReferenceScheme, String, int)} for a non-negative number. */
    public static Optional<String> generate(PaymentReferenceScheme scheme, long base, int length) {
        if (base < 0) {
            throw new IllegalArgumentException("A reference base cannot be negative: " + base);
        }
        return generate(scheme, Long.toString(base), length);
    }

    /**
     * A new reference of {@code scheme} built on {@code base}, normalised (no grouping, no card type), valid under
     * {@link PaymentReferenceScheme#isValid(String)}. The same base always gives the same reference.
     *
     * <ul>
     *   <li>{@code NO_KID_MOD10}, {@code NO_KID_MOD11}, {@code SE_OCR}: {@code length} is the total length (2–25), the
     *   base zero-padded to {@code length − 1} digits, then the check digit.</li>
     *   <li>{@code SE_OCR_LENGTH}: total length 3–25, the base zero-padded to {@code length − 2} digits, the length
     *   digit, the Luhn digit.</li>
     *   <li>{@code DK_FIK71}: always 15 digits, the base zero-padded to 14; {@code length} is not used.</li>
     *   <li>{@code FI_REF}: the base's own digits (zero-padded to 3 when shorter, at most 19) and the 7-3-1 check digit;
     *   Finnish references are printed without leading zeros, so none are added beyond that; {@code length} is not
     *   used. Grouping in fives is for print only and is not part of the value.</li>
     *   <li>{@code RF}: {@code RF}, the two ISO 11649 check digits and the base as it is (1–21 letters or digits);
     *   {@code length} is not used.</li>
     * </ul>
     *
     * <p>Empty only for {@code NO_KID_MOD11} when the base's check character would be {@code -}: many payers and banks
     * refuse such a KID (domain.md §3), so that base is never issued and the caller takes its next number. About one
     * base in eleven is skipped that way.
     *
     * @throws IllegalArgumentException when the base is empty, not digits (letters are allowed for RF only), or does
     *                                  not fit in the length
     */
    public static Optional<String> generate(PaymentReferenceScheme scheme, String base, int length) {
        String body = compact(base);
        return switch (scheme) {
            case NO_KID_MOD10, SE_OCR -> {
                String padded = padded(scheme, body, length, length - 1);
                yield Optional.of(padded + CheckDigits.luhnCheckDigit(padded));
            }
            case NO_KID_MOD11 -> {
                String padded = padded(scheme, body, length, length - 1);
                char check = CheckDigits.mod11CheckCharacter(padded);
                yield check == '-' ? Optional.empty() : Optional.of(padded + check);
            }
            case SE_OCR_LENGTH -> {
                String withLength = padded(scheme, body, length, length - 2) + length % 10;
                yield Optional.of(withLength + CheckDigits.luhnCheckDigit(withLength));
            }
            case DK_FIK71 -> {
                String padded = zeroPadded(scheme, body, 14);
                yield Optional.of(padded + CheckDigits.luhnCheckDigit(padded));
            }
            case FI_REF -> {
                String padded = body.length() < 3 ? zeroPadded(scheme, body, 3) : zeroPadded(scheme, body, body.length());
                if (padded.length() > 19) {
                    throw new IllegalArgumentException("A Finnish reference base has at most 19 digits: " + base);
                }
                yield Optional.of(padded + CheckDigits.finnishCheckDigit(padded));
            }
            case RF -> {
                if (body.isEmpty() || body.length() > 21 || CheckDigits.mod97(body) < 0) {
                    throw new IllegalArgumentException("An RF reference wraps 1–21 letters or digits: " + base);
                }
                yield Optional.of("RF" + CheckDigits.rfCheckDigits(body) + body);
            }
        };
    }

    private static String padded(PaymentReferenceScheme scheme, String digits, int length, int baseDigits) {
        if (length < minimumLength(scheme) || length > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException(scheme + " length must be " + minimumLength(scheme) + "–" + MAXIMUM_LENGTH
                    + ": " + length);
        }
        return zeroPadded(scheme, digits, baseDigits);
    }

    private static String zeroPadded(PaymentReferenceScheme scheme, String digits, int width) {
        if (!CheckDigits.isDigits(digits, 1, width)) {
            throw new IllegalArgumentException("A " + scheme + " base must be 1–" + width + " digits: " + digits);
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static List<PaymentReferenceScheme> nationalSchemes(String country) {
        return switch (country) {
            case "NO" -> List.of(NO_KID_MOD10, NO_KID_MOD11);
            case "SE" -> List.of(SE_OCR_LENGTH, SE_OCR);
            case "DK" -> List.of(DK_FIK71);
            case "FI" -> List.of(FI_REF);
            default -> List.of();
        };
    }

    /** Whitespace (including no-break spaces) removed, upper case. */
    private static String compact(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder compact = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(compact::appendCodePoint);
        return compact.toString().toUpperCase(Locale.ROOT);
    }

    private static String stripFik71CardType(String compact) {
        String id;
        if (compact.startsWith(FIK71_CODE_LINE_PREFIX)) {
            id = compact.substring(FIK71_CODE_LINE_PREFIX.length());
        } else if (compact.startsWith(FIK71_CAMT_PREFIX)) {
            id = compact.substring(FIK71_CAMT_PREFIX.length());
        } else {
            return compact;
        }
        int creditorPart = id.indexOf('+');
        if (creditorPart >= 0) {
            id = id.substring(0, creditorPart);
        }
        int end = id.length();
        while (end > 0 && id.charAt(end - 1) == '<') {
            end--;
        }
        return id.substring(0, end);
    }
}
