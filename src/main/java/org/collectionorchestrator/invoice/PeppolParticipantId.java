package org.collectionorchestrator.invoice;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A PEPPOL participant id as {@code scheme:id}: the scheme an ISO 6523 ICD from the PEPPOL code list, and where we
 * know the national number's rule (Nordic organisation numbers, GLN), the id checked by it. An unknown scheme is
 * refused: a typo in the scheme would otherwise only show as an undeliverable EHF weeks later.
 */
public final class PeppolParticipantId {

    private static final Pattern SHAPE = Pattern.compile("(\\d{4}):([A-Za-z0-9.\\-_]{1,50})");
    private static final Predicate<String> ANY = id -> true;

    /** The schemes accepted, each with the check of its id. */
    private static final Map<String, Predicate<String>> SCHEMES = Map.ofEntries(
            Map.entry("0192", PeppolParticipantId::norwegianOrganisationNumber),
            Map.entry("0007", PeppolParticipantId::swedishOrganisationNumber),
            Map.entry("0184", PeppolParticipantId::danishCvr),
            Map.entry("0037", PeppolParticipantId::finnishBusinessId),
            Map.entry("0216", id -> id.matches("\\d{12,17}")),
            Map.entry("0088", PeppolParticipantId::gln),
            Map.entry("0060", id -> id.matches("\\d{9}")),
            Map.entry("0096", ANY),
            Map.entry("0106", ANY),
            Map.entry("0151", id -> id.matches("\\d{11}")),
            Map.entry("0190", ANY),
            Map.entry("0195", ANY),
            Map.entry("0196", ANY),
            Map.entry("0198", id -> id.matches("\\d{8}")),
            Map.entry("0204", ANY),
            Map.entry("0208", id -> id.matches("\\d{10}")),
            Map.entry("0209", ANY),
            Map.entry("0210", ANY),
            Map.entry("0211", ANY),
            Map.entry("0212", ANY),
            Map.entry("0213", ANY),
            Map.entry("9906", ANY),
            Map.entry("9907", ANY),
            Map.entry("9908", PeppolParticipantId::norwegianOrganisationNumber),
            Map.entry("9910", ANY),
            Map.entry("9915", ANY),
            Map.entry("9925", ANY),
            Map.entry("9930", ANY),
            Map.entry("9957", ANY));

    private PeppolParticipantId() {
    }

    /** Empty when valid; else what is wrong, for a problem detail. */
    public static Optional<String> problem(String participantId) {
        var m = SHAPE.matcher(participantId);
        if (!m.matches()) {
            return Optional.of("must be scheme:id, e.g. 0192:974760673");
        }
        Predicate<String> check = SCHEMES.get(m.group(1));
        if (check == null) {
            return Optional.of("scheme " + m.group(1) + " is not a PEPPOL participant identifier scheme we know");
        }
        if (!check.test(m.group(2))) {
            return Optional.of("is not a valid id in scheme " + m.group(1) + " (length or check digit)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String participantId) {
        return problem(participantId).isEmpty();
    }

    /** Enhetsregisteret: 9 digits, MOD11 with weights 3 2 7 6 5 4 3 2. */
    static boolean norwegianOrganisationNumber(String id) {
        return id.matches("\\d{9}") && mod11(id, new int[] {3, 2, 7, 6, 5, 4, 3, 2});
    }

    /** Danish CVR: 8 digits, the weighted sum (2 7 6 5 4 3 2 1) divisible by 11. */
    static boolean danishCvr(String id) {
        if (!id.matches("\\d{8}")) {
            return false;
        }
        int[] w = {2, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (id.charAt(i) - '0') * w[i];
        }
        return sum % 11 == 0;
    }

    /** Swedish organisation number: 10 digits, Luhn. */
    static boolean swedishOrganisationNumber(String id) {
        return id.matches("\\d{10}") && luhn(id);
    }

    /** Finnish Y-tunnus: 7 digits and a MOD11 check digit (weights 7 9 10 5 8 4 2), written without the hyphen. */
    static boolean finnishBusinessId(String id) {
        if (!id.matches("\\d{8}")) {
            return false;
        }
        int[] w = {7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (id.charAt(i) - '0') * w[i];
        }
        int rest = sum % 11;
        if (rest == 1) {
            return false;
        }
        return (rest == 0 ? 0 : 11 - rest) == id.charAt(7) - '0';
    }

    /** GS1 GLN: 13 digits, the GS1 check digit (weights 1 and 3 from the left). */
    static boolean gln(String id) {
        if (!id.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (id.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == id.charAt(12) - '0';
    }

    private static boolean mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(weights.length) - '0';
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
