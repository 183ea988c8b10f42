package org.collectionorchestrator.payment.bankfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.collectionorchestrator.money.Money;

/**
 * Collects one {@code Ntry} while it is read and turns it into a {@link BankEntry}, deciding its transactions' amounts
 * and what is wrong with it.
 *
 * <p>A transaction's amount is {@code TxDtls/Amt} (.04+) or {@code TxDtls/AmtDtls/TxAmt/Amt}, the first in the
 * entry's currency, else the first in any currency. An entry without {@code TxDtls} has one transaction of its own
 * amount. The only transaction of an entry that states no amount, or only one in another currency (an FX payment:
 * the account was credited the entry's amount), gets the entry's amount and currency.
 *
 * <p>Entry problems (the whole entry is quarantined): amount missing, without currency, in an unknown currency,
 * negative or with more decimals than its currency has; a credit in another currency than the account's
 * {@code Acct/Ccy}; a transaction without an amount in the entry's currency, or transactions that do not add up to
 * the entry's amount. Transaction problems (that transaction alone is quarantined): amount 0, missing or only in
 * another currency (in a batch), negative, or with more decimals than its currency has. Problems are set whatever
 * the entry's status and direction.
 */
final class EntryAssembler {

    private final int sequence;
    private final String accountCurrency;
    private final int line;
    String entryReference;
    String servicerReference;
    BigDecimal amount;
    String currency;
    boolean credit;
    boolean reversal;
    String status;
    LocalDate bookingDate;
    LocalDate valueDate;
    private final List<Tx> transactions = new ArrayList<>(1);

    EntryAssembler(int sequence, String accountCurrency, int line) {
        this.sequence = sequence;
        this.accountCurrency = accountCurrency;
        this.line = line;
    }

    Tx newTransaction() {
        Tx tx = new Tx();
        transactions.add(tx);
        return tx;
    }

    BankEntry build(BankTransactionKeys keys, String reportId) {
        String problem = entryProblem();
        List<BankTransactionKeys.TxRefs> refs = new ArrayList<>(transactions.size());
        for (Tx tx : transactions) {
            refs.add(new BankTransactionKeys.TxRefs(tx.servicerRef, tx.txId, tx.endToEndId));
        }
        List<String> txKeys = keys.forEntry(reportId, sequence, servicerReference, entryReference, refs);
        List<BankTransaction> built = new ArrayList<>(Math.max(1, transactions.size()));
        if (transactions.isEmpty()) {
            String txProblem = amount != null && amount.signum() == 0 ? "amount 0" : null;
            built.add(new BankTransaction(txKeys.get(0), amount, currency, null, null, null, List.of(), List.of(),
                    List.of(), null, txProblem));
        } else {
            for (int i = 0; i < transactions.size(); i++) {
                built.add(transactions.get(i).build(txKeys.get(i), transactions.size() == 1));
            }
            if (problem == null) {
                problem = batchProblem(built);
            }
        }
        return new BankEntry(sequence, entryReference, servicerReference, amount, currency, credit, reversal, status,
                bookingDate, valueDate, List.copyOf(built), problem == null ? null : problem + " (line " + line + ")");
    }

    private String entryProblem() {
        if (amount == null) {
            return currency == null ? "amount missing or without currency" : "amount missing";
        }
        Currency unit = currency(currency);
        if (unit == null) {
            return currency == null ? "amount without currency" : "unknown currency '" + currency + "'";
        }
        String amountProblem = amountProblem(amount, unit);
        if (amountProblem != null) {
            return amountProblem;
        }
        if (credit && accountCurrency != null && !accountCurrency.equals(currency)) {
            return "credit in " + currency + " on an account in " + accountCurrency;
        }
        return null;
    }

    private String batchProblem(List<BankTransaction> built) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < built.size(); i++) {
            BankTransaction tx = built.get(i);
            if (tx.amount() == null || !currency.equals(tx.currency())) {
                return "transaction " + (i + 1) + " has no amount in " + currency;
            }
            sum = sum.add(tx.amount());
        }
        if (sum.compareTo(amount) != 0) {
            return "transactions add up to " + sum.toPlainString() + " " + currency + ", the entry is "
                    + amount.toPlainString() + " " + currency;
        }
        return null;
    }

    private static String amountProblem(BigDecimal value, Currency unit) {
        if (value.signum() < 0) {
            return "negative amount " + value.toPlainString();
        }
        if (!Money.fitsMinorUnit(value, unit)) {
            return value.toPlainString() + " has more decimals than " + unit.getCurrencyCode() + " allows ("
                    + unit.getDefaultFractionDigits() + ")";
        }
        return null;
    }

    private static Currency currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            Currency unit = Currency.getInstance(code);
            return unit.getDefaultFractionDigits() < 0 ? null : unit;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One {@code TxDtls} while it is read. */
    final class Tx {
        String servicerRef;
        String txId;
        String endToEndId;
        private BigDecimal statedAmount;
        private String statedCurrency;
        private BigDecimal txAmount;
        private String txCurrency;
        private String debtorName;
        private String debtorAccount;
        private String returnReason;
        private final List<String> references = new ArrayList<>(1);
        private final List<BankTransaction.ReferredDocument> documents = new ArrayList<>(0);
        private final List<String> unstructured = new ArrayList<>(1);

        Strd newStructured() {
            return new Strd(this);
        }

        void set(String at, String value, String ccy, BigDecimal parsed) {
            switch (at) {
                case "Refs/AcctSvcrRef" -> servicerRef = blankToNull(value);
                case "Refs/TxId" -> txId = blankToNull(value);
                case "Refs/EndToEndId" -> endToEndId = blankToNull(value);
                case "Amt" -> {
                    statedAmount = parsed;
                    statedCurrency = ccy;
                }
                case "AmtDtls/TxAmt/Amt" -> {
                    txAmount = parsed;
                    txCurrency = ccy;
                }
                case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm" -> debtorName = blankToNull(value);
                case "RltdPties/DbtrAcct/Id/IBAN" -> debtorAccount = blankToNull(
                        value.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
                case "RltdPties/DbtrAcct/Id/Othr/Id" -> debtorAccount = blankToNull(value);
                case "RmtInf/Ustrd" -> {
                    if (!value.isEmpty()) {
                        unstructured.add(value);
                    }
                }
                case "RtrInf/Rsn/Cd", "RtrInf/Rsn/Prtry" -> returnReason = blankToNull(value);
                default -> {
                }
            }
        }

        BankTransaction build(String key, boolean only) {
            BigDecimal value;
            String ccy;
            if (statedAmount != null && currency != null && currency.equals(statedCurrency)) {
                value = statedAmount;
                ccy = statedCurrency;
            } else if (txAmount != null && currency != null && currency.equals(txCurrency)) {
                value = txAmount;
                ccy = txCurrency;
            } else {
                value = statedAmount != null ? statedAmount : txAmount;
                ccy = statedAmount != null ? statedCurrency : txCurrency;
            }
            String problem = null;
            if (value != null && value.signum() == 0) {
                problem = "amount 0";
            } else if (value == null || !ccy.equals(currency)) {
                if (only) {
                    value = amount;
                    ccy = currency;
                } else {
                    problem = value == null ? "amount missing" : "amount only in " + ccy + ", the entry is in " + currency;
                }
            }
            if (problem == null && value != null) {
                Currency unit = currency(ccy);
                problem = unit == null ? "unknown currency '" + ccy + "'" : amountProblem(value, unit);
            }
            String endToEnd = "NOTPROVIDED".equals(endToEndId) ? null : endToEndId;
            return new BankTransaction(key, value, ccy, endToEnd, debtorName, debtorAccount, List.copyOf(references),
                    List.copyOf(documents), List.copyOf(unstructured), returnReason, problem);
        }
    }

    /**
     * One {@code RmtInf/Strd} block. Its {@code CdtrRefInf/Ref} is a structured reference. Each {@code RfrdDocInf/Nb}
     * is a referred document (a credit note when its type is CREN), with the block's {@code RfrdDocAmt} when it is the
     * block's only document. A block with a reference and an amount but no {@code RfrdDocInf} (the Finnish way of
     * netting a credit note against an invoice) gives a referred document numbered with the reference, a credit note
     * when its amount is {@code CdtNoteAmt}.
     */
    static final class Strd {
        private final Tx tx;
        private String reference;
        private String documentNumber;
        private String documentType;
        private final List<String[]> docs = new ArrayList<>(1);
        private BigDecimal remitted;
        private BigDecimal creditNote;

        Strd(Tx tx) {
            this.tx = tx;
        }

        void set(String at, String value, BigDecimal parsed) {
            switch (at) {
                case "CdtrRefInf/Ref" -> {
                    reference = blankToNull(value);
                    if (reference != null) {
                        tx.references.add(reference);
                    }
                }
                case "RfrdDocInf/Nb" -> documentNumber = blankToNull(value);
                case "RfrdDocInf/Tp/CdOrPrtry/Cd" -> documentType = blankToNull(value);
                case "RfrdDocInf" -> {
                    if (documentNumber != null) {
                        docs.add(new String[] {documentNumber, documentType});
                    }
                    documentNumber = null;
                    documentType = null;
                }
                case "RfrdDocAmt/RmtdAmt" -> remitted = parsed;
                case "RfrdDocAmt/CdtNoteAmt" -> creditNote = parsed;
                default -> {
                }
            }
        }

        void finish() {
            if (!docs.isEmpty()) {
                for (String[] doc : docs) {
                    boolean isCreditNote = "CREN".equals(doc[1]);
                    BigDecimal docAmount = docs.size() > 1 ? null
                            : isCreditNote ? firstNonNull(creditNote, remitted) : firstNonNull(remitted, creditNote);
                    tx.documents.add(new BankTransaction.ReferredDocument(doc[0], isCreditNote, docAmount));
                }
            } else if (reference != null && (remitted != null || creditNote != null)) {
                tx.documents.add(new BankTransaction.ReferredDocument(reference, remitted == null,
                        firstNonNull(remitted, creditNote)));
            }
        }

        private static BigDecimal firstNonNull(BigDecimal a, BigDecimal b) {
            return a != null ? a : b;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
