package org.collectionorchestrator.payment;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the payer's name as the bank gives it is the customer's: the same words once case, accents, punctuation
 * and legal forms are set aside, or all words of the shorter in the longer ("Ola Nordmann" paying for "Nordmann,
 * Ola"; "ACME AS" for "Acme").
 */
final class PayerNames {

    private static final Set<String> LEGAL_FORMS = Set.of("as", "asa", "ab", "publ", "oy", "oyj", "aps", "ltd",
            "gmbh", "ag", "sa", "ans", "da", "enk", "hb", "kb", "ky", "tmi", "inc", "llc", "plc", "bv", "nv");

    private PayerNames() {
    }

    static boolean same(String payer, String customer) {
        if (payer == null || customer == null) {
            return false;
        }
        Set<String> a = words(payer);
        Set<String> b = words(customer);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.size() <= b.size() ? b.containsAll(a) : a.containsAll(b);
    }

    private static Set<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}/]+"))
                .map(word -> word.replace("/", ""))
                .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
                .collect(Collectors.toSet());
    }
}
