package org.collectionorchestrator.payment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of free remittance text that may name an invoice: its tokens (split on spaces and punctuation that
 * never occurs in a reference or an invoice number), and runs of digit groups joined, since payers write a reference
 * the way it is printed ({@code 12345 67890 12}).
 */
final class RemittanceText {

    private static final int LONGEST_RUN = 6;

    private RemittanceText() {
    }

    static Set<String> candidates(List<String> lines) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String line : lines) {
            List<String> tokens = tokens(line);
            candidates.addAll(tokens);
            addDigitRuns(tokens, candidates);
        }
        return candidates;
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        for (String raw : line.split("[\\s,;:()\\[\\]\"'#=*]+")) {
            String token = raw.replaceAll("^[.\\-/]+|[.\\-/]+$", "");
            if (token.length() >= 2) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static void addDigitRuns(List<String> tokens, Set<String> candidates) {
        for (int start = 0; start < tokens.size(); start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < tokens.size() && end - start < LONGEST_RUN && isDigits(tokens.get(end)); end++) {
                run.append(tokens.get(end));
                if (end > start) {
                    candidates.add(run.toString());
                }
            }
        }
    }

    private static boolean isDigits(String token) {
        return token.chars().allMatch(Character::isDigit);
    }
}
