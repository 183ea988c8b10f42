package org.collectionorchestrator.support;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Builds ISO 20022 camt.053 (statement) and camt.054 (notification) documents for tests, in versions .001.02, .001.04
 * and .001.08, with the layout differences a reader must handle ({@code Sts} text vs {@code Sts/Cd}, {@code Dbtr/Nm}
 * vs {@code Dbtr/Pty/Nm}, {@code AmtDtls/TxAmt/Amt} vs {@code TxDtls/Amt}).
 *
 * <pre>{@code
 * String xml = CamtFiles.notification(Version.V02)
 *         .account("NO9386011117947").currency("NOK")
 *         .entry(e -> e.credit("1500.00").servicerRef("S1")
 *                 .tx(t -> t.amount("1000.00").endToEnd("E1").debtor("Kari Nordmann").scor("12344"))
 *                 .tx(t -> t.amount("500.00").ustrd("Faktura 77")))
 *         .xml();
 * }</pre>
 *
 * Amounts and currencies are written as given (so a test can write {@code "abc"} or {@code "10.505"}). For a very large
 * file use {@link CamtFile#entries(int, BiConsumer)} and {@link CamtFile#writeTo(OutputStream)}: entries are generated
 * while writing, never held.
 */
public final class CamtFiles {

    private CamtFiles() {
    }

    public enum Version {
        V02("001.02"), V04("001.04"), V08("001.08");

        final String suffix;

        Version(String suffix) {
            this.suffix = suffix;
        }
    }

    /** A camt.053 bank-to-customer statement. */
    public static CamtFile statement(Version version) {
        return new CamtFile(true, version);
    }

    /** A camt.054 debit/credit notification. */
    public static CamtFile notification(Version version) {
        return new CamtFile(false, version);
    }

    public static final class CamtFile {
        private final boolean statement;
        private final Version version;
        private String namespace;
        private String messageId = "MSG-0001";
        private String created = "2026-11-30T18:00:00+01:00";
        private final List<Report> reports = new ArrayList<>();

        private CamtFile(boolean statement, Version version) {
            this.statement = statement;
            this.version = version;
            this.namespace = "urn:iso:std:iso:20022:tech:xsd:camt." + (statement ? "053." : "054.") + version.suffix;
            reports.add(new Report("RPT-1"));
        }

        /** Overrides the document namespace (e.g. a camt.052 or pain.001 one, for refusal tests). */
        public CamtFile namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public CamtFile messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public CamtFile created(String isoDateTime) {
            this.created = isoDateTime;
            return this;
        }

        /** The statement or notification id of the current (last) report. */
        public CamtFile reportId(String reportId) {
            current().id = reportId;
            return this;
        }

        /** The current report's account as {@code Acct/Id/IBAN}, written as given. */
        public CamtFile account(String iban) {
            current().account = iban;
            current().iban = true;
            return this;
        }

        /** The current report's account as {@code Acct/Id/Othr/Id} (a national account number). */
        public CamtFile otherAccount(String id) {
            current().account = id;
            current().iban = false;
            return this;
        }

        /** {@code Acct/Ccy} of the current report, and the default currency of its entries. */
        public CamtFile currency(String currency) {
            current().currency = currency;
            current().defaultCurrency = currency;
            return this;
        }

        /** The default currency of the current report's entries without writing {@code Acct/Ccy}. */
        public CamtFile entryCurrency(String currency) {
            current().defaultCurrency = currency;
            return this;
        }

        public CamtFile entry(Consumer<Entry> entry) {
            Entry e = new Entry(current().defaultCurrency);
            entry.accept(e);
            current().entries.add(e);
            return this;
        }

        /**
         * {@code count} more entries in the current report, generated while writing: {@code filler} gets the 0-based
         * index and a fresh booked credit entry; with a null {@code filler} each is a credit of 100.00 with servicer
         * reference {@code GEN-<index>} and one transaction.
         */
        public CamtFile entries(int count, BiConsumer<Integer, Entry> filler) {
            current().generated = count;
            current().generator = filler;
            return this;
        }

        /** Starts another report (statement or notification) in the same file; later settings apply to it. */
        public CamtFile nextReport(String reportId) {
            reports.add(new Report(reportId));
            return this;
        }

        public String xml() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return xml().getBytes(StandardCharsets.UTF_8);
        }

        /** The document as a stream, e.g. for {@code BankStatementImport.importStatement}. */
        public InputStream inputStream() {
            return new ByteArrayInputStream(bytes());
        }

        /** Writes the document as UTF-8; does not close {@code out}. */
        public void writeTo(OutputStream out) {
            try {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                write(w);
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Report current() {
            return reports.get(reports.size() - 1);
        }

        private void write(Writer w) throws IOException {
            String root = statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
            String reportTag = statement ? "Stmt" : "Ntfctn";
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + esc(namespace) + "\">\n<" + root
                    + ">\n<GrpHdr><MsgId>" + esc(messageId) + "</MsgId><CreDtTm>" + esc(created)
                    + "</CreDtTm></GrpHdr>\n");
            for (Report report : reports) {
                w.write("<" + reportTag + "><Id>" + esc(report.id) + "</Id><CreDtTm>" + esc(created) + "</CreDtTm>");
                w.write("<Acct><Id>");
                w.write(report.iban ? el("IBAN", report.account) : "<Othr>" + el("Id", report.account) + "</Othr>");
                w.write("</Id>");
                if (report.currency != null) {
                    w.write(el("Ccy", report.currency));
                }
                w.write("</Acct>\n");
                if (statement) {
                    w.write("<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\""
                            + esc(report.defaultCurrency) + "\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>"
                            + created.substring(0, 10) + "</Dt></Dt></Bal>\n");
                }
                for (Entry entry : report.entries) {
                    entry.write(w, version);
                }
                for (int i = 0; i < report.generated; i++) {
                    Entry entry = new Entry(report.defaultCurrency);
                    if (report.generator == null) {
                        entry.credit("100.00").servicerRef("GEN-" + i).tx(t -> t.amount("100.00"));
                    } else {
                        report.generator.accept(i, entry);
                    }
                    entry.write(w, version);
                }
                w.write("</" + reportTag + ">\n");
            }
            w.write("</" + root + ">\n</Document>\n");
        }
    }

    private static final class Report {
        String id;
        String account = "NO9386011117947";
        boolean iban = true;
        String currency;
        String defaultCurrency = "NOK";
        final List<Entry> entries = new ArrayList<>();
        int generated;
        BiConsumer<Integer, Entry> generator;

        Report(String id) {
            this.id = id;
        }
    }

    /** One {@code Ntry}; a booked credit unless told otherwise. */
    public static final class Entry {
        private String amount = "0.00";
        private String currency;
        private boolean credit = true;
        private boolean reversal;
        private String status = "BOOK";
        private String entryRef;
        private String servicerRef;
        private LocalDate bookingDate = LocalDate.of(2026, 11, 30);
        private boolean bookingDateTime;
        private LocalDate valueDate;
        private boolean batch;
        private final List<Tx> transactions = new ArrayList<>();

        private Entry(String currency) {
            this.currency = currency;
        }

        public Entry credit(String amount) {
            this.amount = amount;
            this.credit = true;
            return this;
        }

        public Entry debit(String amount) {
            this.amount = amount;
            this.credit = false;
            return this;
        }

        public Entry currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** {@code Sts} as given: BOOK, PDNG, INFO. */
        public Entry status(String status) {
            this.status = status;
            return this;
        }

        public Entry pending() {
            return status("PDNG");
        }

        /** {@code RvslInd} true. */
        public Entry reversal() {
            this.reversal = true;
            return this;
        }

        /** {@code NtryRef}. */
        public Entry entryRef(String entryRef) {
            this.entryRef = entryRef;
            return this;
        }

        /** {@code AcctSvcrRef}. */
        public Entry servicerRef(String servicerRef) {
            this.servicerRef = servicerRef;
            return this;
        }

        public Entry bookingDate(LocalDate date) {
            this.bookingDate = date;
            return this;
        }

        /** Writes {@code BookgDt/DtTm} (noon, +01:00) instead of {@code BookgDt/Dt}. */
        public Entry bookingDateTime() {
            this.bookingDateTime = true;
            return this;
        }

        public Entry valueDate(LocalDate date) {
            this.valueDate = date;
            return this;
        }

        /** Writes {@code NtryDtls/Btch} with the number of transactions and their total (when summable). */
        public Entry batch() {
            this.batch = true;
            return this;
        }

        /** One {@code TxDtls}; an entry with none is written without {@code NtryDtls}. */
        public Entry tx(Consumer<Tx> tx) {
            Tx t = new Tx();
            tx.accept(t);
            transactions.add(t);
            return this;
        }

        private void write(Writer w, Version v) throws IOException {
            StringBuilder b = new StringBuilder(512);
            b.append("<Ntry>");
            opt(b, "NtryRef", entryRef);
            b.append("<Amt Ccy=\"").append(esc(currency)).append("\">").append(esc(amount)).append("</Amt>");
            b.append(el("CdtDbtInd", credit ? "CRDT" : "DBIT"));
            if (reversal) {
                b.append("<RvslInd>true</RvslInd>");
            }
            b.append(v == Version.V08 ? "<Sts><Cd>" + esc(status) + "</Cd></Sts>" : el("Sts", status));
            if (bookingDate != null) {
                b.append(bookingDateTime
                        ? "<BookgDt><DtTm>" + bookingDate + "T12:00:00+01:00</DtTm></BookgDt>"
                        : "<BookgDt><Dt>" + bookingDate + "</Dt></BookgDt>");
            }
            if (valueDate != null) {
                b.append("<ValDt><Dt>").append(valueDate).append("</Dt></ValDt>");
            }
            opt(b, "AcctSvcrRef", servicerRef);
            b.append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>").append(credit ? "RCDT" : "ICDT")
                    .append("</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>");
            if (!transactions.isEmpty() || batch) {
                b.append("<NtryDtls>");
                if (batch) {
                    b.append("<Btch>").append(el("NbOfTxs", String.valueOf(transactions.size())));
                    String total = total();
                    if (total != null) {
                        b.append("<TtlAmt Ccy=\"").append(esc(currency)).append("\">").append(total).append("</TtlAmt>");
                    }
                    b.append(el("CdtDbtInd", credit ? "CRDT" : "DBIT")).append("</Btch>");
                }
                for (Tx t : transactions) {
                    t.write(b, v, credit, currency);
                }
                b.append("</NtryDtls>");
            }
            b.append("</Ntry>\n");
            w.write(b.toString());
        }

        private String total() {
            try {
                BigDecimal sum = BigDecimal.ZERO;
                for (Tx t : transactions) {
                    if (t.amount == null) {
                        return null;
                    }
                    sum = sum.add(new BigDecimal(t.amount));
                }
                return sum.toPlainString();
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** One {@code TxDtls}. */
    public static final class Tx {
        private String amount;
        private String currency;
        private String instructedAmount;
        private String instructedCurrency;
        private String servicerRef;
        private String txId;
        private String endToEndId;
        private String debtorName;
        private String debtorAccount;
        private boolean debtorIban;
        private final List<Strd> remittance = new ArrayList<>();
        private final List<String> unstructured = new ArrayList<>();
        private String returnReason;

        private Tx() {
        }

        /** The transaction amount in the entry's currency. */
        public Tx amount(String amount) {
            this.amount = amount;
            return this;
        }

        public Tx amount(String amount, String currency) {
            this.amount = amount;
            this.currency = currency;
            return this;
        }

        /** {@code AmtDtls/InstdAmt/Amt}: what the payer instructed, e.g. in another currency. */
        public Tx instructedAmount(String amount, String currency) {
            this.instructedAmount = amount;
            this.instructedCurrency = currency;
            return this;
        }

        /** {@code Refs/AcctSvcrRef}. */
        public Tx servicerRef(String ref) {
            this.servicerRef = ref;
            return this;
        }

        /** {@code Refs/TxId}. */
        public Tx txId(String txId) {
            this.txId = txId;
            return this;
        }

        /** {@code Refs/EndToEndId}. */
        public Tx endToEnd(String endToEndId) {
            this.endToEndId = endToEndId;
            return this;
        }

        public Tx debtor(String name) {
            this.debtorName = name;
            return this;
        }

        /** {@code DbtrAcct/Id/IBAN}. */
        public Tx debtorIban(String iban) {
            this.debtorAccount = iban;
            this.debtorIban = true;
            return this;
        }

        /** {@code DbtrAcct/Id/Othr/Id}. */
        public Tx debtorOtherAccount(String id) {
            this.debtorAccount = id;
            this.debtorIban = false;
            return this;
        }

        /** A {@code Strd} block with {@code CdtrRefInf} of type SCOR (KID, OCR, FIK, Finnish reference). */
        public Tx scor(String reference) {
            return strd(null, null, null, false, reference, null);
        }

        /** A SCOR reference with {@code Tp/Issr} (e.g. {@code ISO} for an RF reference). */
        public Tx scor(String reference, String issuer) {
            return strd(null, null, null, false, reference, issuer);
        }

        /**
         * A Danish FIK +71 payment id as Danish camt.053 files carry it, card type and slash first: {@code 71/<15 digits>}.
         */
        public Tx fik71(String paymentId) {
            return scor("71/" + paymentId);
        }

        /** An RF creditor reference (ISO 11649): SCOR with issuer ISO. */
        public Tx rf(String reference) {
            return scor(reference, "ISO");
        }

        /** A {@code Strd} block naming an invoice ({@code RfrdDocInf} CINV, {@code RmtdAmt}; amount may be null). */
        public Tx invoice(String number, String amount) {
            return strd(number, "CINV", amount, false, null, null);
        }

        /** A {@code Strd} block naming a credit note ({@code RfrdDocInf} CREN, {@code CdtNoteAmt}). */
        public Tx creditNote(String number, String amount) {
            return strd(number, "CREN", amount, true, null, null);
        }

        /**
         * A {@code Strd} block with a SCOR reference and its amount but no {@code RfrdDocInf}, the Finnish way of
         * netting a credit note ({@code creditNote}: {@code CdtNoteAmt}, else {@code RmtdAmt}).
         */
        public Tx scorWithAmount(String reference, String amount, boolean creditNote) {
            return strd(null, null, amount, creditNote, reference, null);
        }

        /** {@code RmtInf/Ustrd} lines. */
        public Tx ustrd(String... lines) {
            unstructured.addAll(List.of(lines));
            return this;
        }

        /** {@code RtrInf/Rsn/Cd}. */
        public Tx returnReason(String code) {
            this.returnReason = code;
            return this;
        }

        private Tx strd(String docNumber, String docType, String docAmount, boolean creditNote, String ref,
                String issuer) {
            remittance.add(new Strd(docNumber, docType, docAmount, creditNote, ref, issuer));
            return this;
        }

        private void write(StringBuilder b, Version v, boolean credit, String entryCurrency) {
            String ccy = currency == null ? entryCurrency : currency;
            b.append("<TxDtls>");
            if (servicerRef != null || txId != null || endToEndId != null) {
                b.append("<Refs>");
                opt(b, "AcctSvcrRef", servicerRef);
                opt(b, "TxId", txId);
                opt(b, "EndToEndId", endToEndId);
                b.append("</Refs>");
            }
            String amt = amount == null ? null : "<Amt Ccy=\"" + esc(ccy) + "\">" + esc(amount) + "</Amt>";
            if (v != Version.V02 && amt != null) {
                b.append(amt).append(el("CdtDbtInd", credit ? "CRDT" : "DBIT"));
            }
            if (instructedAmount != null || (v == Version.V02 && amt != null)) {
                b.append("<AmtDtls>");
                if (instructedAmount != null) {
                    b.append("<InstdAmt><Amt Ccy=\"").append(esc(instructedCurrency)).append("\">")
                            .append(esc(instructedAmount)).append("</Amt></InstdAmt>");
                }
                if (v == Version.V02 && amt != null) {
                    b.append("<TxAmt>").append(amt).append("</TxAmt>");
                }
                b.append("</AmtDtls>");
            }
            if (debtorName != null || debtorAccount != null) {
                b.append("<RltdPties>");
                if (debtorName != null) {
                    b.append(v == Version.V08
                            ? "<Dbtr><Pty>" + el("Nm", debtorName) + "</Pty></Dbtr>"
                            : "<Dbtr>" + el("Nm", debtorName) + "</Dbtr>");
                }
                if (debtorAccount != null) {
                    b.append("<DbtrAcct><Id>").append(debtorIban
                            ? el("IBAN", debtorAccount)
                            : "<Othr>" + el("Id", debtorAccount) + "</Othr>").append("</Id></DbtrAcct>");
                }
                b.append("</RltdPties>");
            }
            if (!unstructured.isEmpty() || !remittance.isEmpty()) {
                b.append("<RmtInf>");
                unstructured.forEach(line -> b.append(el("Ustrd", line)));
                remittance.forEach(block -> block.write(b, ccy));
                b.append("</RmtInf>");
            }
            if (returnReason != null) {
                b.append("<RtrInf><Rsn>").append(el("Cd", returnReason)).append("</Rsn></RtrInf>");
            }
            b.append("</TxDtls>");
        }
    }

    private record Strd(String docNumber, String docType, String docAmount, boolean creditNote, String ref,
            String issuer) {

        void write(StringBuilder b, String currency) {
            b.append("<Strd>");
            if (docNumber != null) {
                b.append("<RfrdDocInf><Tp><CdOrPrtry><Cd>").append(docType).append("</Cd></CdOrPrtry></Tp>")
                        .append(el("Nb", docNumber)).append("</RfrdDocInf>");
            }
            if (docAmount != null) {
                String tag = creditNote ? "CdtNoteAmt" : "RmtdAmt";
                b.append("<RfrdDocAmt><").append(tag).append(" Ccy=\"").append(esc(currency)).append("\">")
                        .append(esc(docAmount)).append("</").append(tag).append("></RfrdDocAmt>");
            }
            if (ref != null) {
                b.append("<CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry>");
                if (issuer != null) {
                    b.append(el("Issr", issuer));
                }
                b.append("</Tp>").append(el("Ref", ref)).append("</CdtrRefInf>");
            }
            b.append("</Strd>");
        }
    }

    private static void opt(StringBuilder b, String tag, String value) {
        if (value != null) {
            b.append(el(tag, value));
        }
    }

    private static String el(String tag, String value) {
        return "<" + tag + ">" + esc(value) + "</" + tag + ">";
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(r != null ? r : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }
}
