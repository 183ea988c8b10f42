package org.collectionorchestrator.payment.bankfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The idempotency key of each transaction in a bank file: {@code <entry part>|<transaction part>}.
 *
 * <p><b>Entry part</b>: {@code r:<AcctSvcrRef>|<NtryRef>} (an absent one empty) when either reference is present, so
 * the same entry reported by a camt.054 and later by a camt.053 gets the same key; else
 * {@code m:<GrpHdr/MsgId>|<report id>|#<entry position in its report>} (only a repeat of the same file matches then).
 * {@code AcctSvcrRef} alone is not enough: banks repeat it across entries (PostFinance reports two entries with one
 * {@code AcctSvcrRef} and different {@code NtryRef}).
 *
 * <p><b>Transaction part</b>, the first that is present and unique among the entry's transactions:
 * {@code a:<Refs/AcctSvcrRef>}, {@code t:<Refs/TxId>}, {@code e:<Refs/EndToEndId>} (not {@code NOTPROVIDED}); else
 * {@code #<position in the entry>}, 1-based (an entry without {@code TxDtls} has one transaction, {@code #1}).
 *
 * <p>Two keys that still come out equal within one report (one account of one file) get {@code ~2}, {@code ~3} …
 * appended to the later ones, in file order. Keys are unique per account, not across accounts: store them with the
 * account. A key longer than {@value #MAX_LENGTH} characters is cut to its first 35 characters, {@code ~} and the
 * SHA-256 of the whole key in hex (exactly 100 characters).
 */
public final class BankTransactionKeys {

    public static final int MAX_LENGTH = 100;
    private static final int KEPT_PREFIX = MAX_LENGTH - 1 - 64;

    private final String messageId;
    private final Set<String> seen = new HashSet<>();

    /** Keys for one report of a file; remembers the keys given so far to keep them distinct within it. */
    public BankTransactionKeys(String messageId) {
        this.messageId = messageId;
    }

    /** The references that name a transaction. */
    public record TxRefs(String servicerRef, String txId, String endToEndId) {
    }

    /** The keys of the transactions of one entry, in order ({@code transactions} empty: one key, {@code #1}). */
    public List<String> forEntry(String reportId, int sequence, String servicerRef, String entryRef,
            List<TxRefs> transactions) {
        String entryPart = entryPart(messageId, reportId, sequence, servicerRef, entryRef);
        List<String> parts = transactionParts(transactions);
        List<String> keys = new ArrayList<>(parts.size());
        for (String part : parts) {
            String key = entryPart + "|" + part;
            String unique = key;
            for (int n = 2; !seen.add(unique); n++) {
                unique = key + "~" + n;
            }
            keys.add(shorten(unique));
        }
        return keys;
    }

    static String entryPart(String messageId, String reportId, int sequence, String servicerRef, String entryRef) {
        if (servicerRef != null || entryRef != null) {
            return "r:" + Objects.toString(servicerRef, "") + "|" + Objects.toString(entryRef, "");
        }
        return "m:" + messageId + "|" + reportId + "|#" + sequence;
    }

    static List<String> transactionParts(List<TxRefs> transactions) {
        if (transactions.isEmpty()) {
            return List.of("#1");
        }
        Map<String, Integer> servicer = counts(transactions, 0);
        Map<String, Integer> txIds = counts(transactions, 1);
        Map<String, Integer> endToEnd = counts(transactions, 2);
        List<String> parts = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            TxRefs t = transactions.get(i);
            if (unique(servicer, t.servicerRef())) {
                parts.add("a:" + t.servicerRef());
            } else if (unique(txIds, t.txId())) {
                parts.add("t:" + t.txId());
            } else if (unique(endToEnd, endToEnd(t))) {
                parts.add("e:" + t.endToEndId());
            } else {
                parts.add("#" + (i + 1));
            }
        }
        return parts;
    }

    static String shorten(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, KEPT_PREFIX) + "~" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> counts(List<TxRefs> transactions, int which) {
        Map<String, Integer> counts = new HashMap<>();
        for (TxRefs t : transactions) {
            String value = switch (which) {
                case 0 -> t.servicerRef();
                case 1 -> t.txId();
                default -> endToEnd(t);
            };
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String endToEnd(TxRefs t) {
        return "NOTPROVIDED".equals(t.endToEndId()) ? null : t.endToEndId();
    }

    private static boolean unique(Map<String, Integer> counts, String value) {
        return value != null && counts.get(value) == 1;
    }
}
