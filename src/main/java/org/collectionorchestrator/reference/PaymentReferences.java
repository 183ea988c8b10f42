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

/** Normalising payment references as payers and banks write them, and telling which scheme one belongs to. */
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
