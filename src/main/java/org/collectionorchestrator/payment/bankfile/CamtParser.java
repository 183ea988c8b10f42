package org.collectionorchestrator.payment.bankfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.iban4j.IbanUtil;

/**
 * One pass over one camt document: tracks the element path and hands leaf values to the report, entry, transaction
 * and remittance block being read. Depths: 1 Document, 2 BkToCstmr…, 3 Stmt/Ntfctn, 4 Ntry, 6 TxDtls, 8 Strd.
 */
final class CamtParser {

    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    private static final Set<String> MESSAGE_TYPES = Set.of(
            "camt.053.001.02", "camt.053.001.04", "camt.053.001.08",
            "camt.054.001.02", "camt.054.001.04", "camt.054.001.08");
    private static final int MAX_TEXT = 100_000;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final XMLStreamReader xml;
    private final String[] path = new String[64];
    private final StringBuilder text = new StringBuilder();
    private int depth;
    private boolean leaf;
    private String currency;

    private String messageType;
    private String rootName;
    private String reportName;
    private String messageId;
    private OffsetDateTime created;
    private BankTransactionKeys keys;
    private final List<AccountReport> reports = new ArrayList<>();
    private ReportState report;
    private EntryAssembler entry;
    private EntryAssembler.Tx tx;
    private EntryAssembler.Strd strd;

    CamtParser(XMLStreamReader xml) {
        this.xml = xml;
    }

    BankFile parse() throws XMLStreamException {
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD -> throw rejected("a DOCTYPE is not allowed in a bank file");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw rejected("entity reference &" + xml.getLocalName() + "; is not allowed in a bank file");
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text();
                case XMLStreamConstants.END_ELEMENT -> end();
                default -> {
                }
            }
        }
        if (messageType == null) {
            throw rejected("no XML element found");
        }
        if (messageId == null) {
            throw rejected("GrpHdr/MsgId is missing");
        }
        return new BankFile(messageId, messageType, created, List.copyOf(reports));
    }

    private void text() {
        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        if (text.length() > MAX_TEXT) {
            throw rejected("an element's text is longer than " + MAX_TEXT + " characters");
        }
    }

    private void start() {
        depth++;
        if (depth >= path.length) {
            throw rejected("elements nested deeper than " + path.length + " levels");
        }
        String name = xml.getLocalName();
        path[depth] = name;
        leaf = true;
        text.setLength(0);
        currency = xml.getAttributeCount() == 0 ? null : xml.getAttributeValue(null, "Ccy");
        switch (depth) {
            case 1 -> document(name);
            case 2 -> {
                if (!name.equals(rootName)) {
                    throw rejected("expected " + rootName + " in a " + messageType + " document, found " + name);
                }
            }
            case 3 -> {
                if (name.equals(reportName)) {
                    report = new ReportState();
                    keys = null;
                }
            }
            case 4 -> {
                if (report != null && name.equals("Ntry")) {
                    entry = new EntryAssembler(++report.entries, report.currency, xml.getLocation().getLineNumber());
                }
            }
            case 6 -> {
                if (entry != null && name.equals("TxDtls") && "NtryDtls".equals(path[5])) {
                    tx = entry.newTransaction();
                }
            }
            case 8 -> {
                if (tx != null && name.equals("Strd") && "RmtInf".equals(path[7])) {
                    strd = tx.newStructured();
                }
            }
            default -> {
            }
        }
    }

    private void document(String name) {
        String namespace = xml.getNamespaceURI();
        String type = namespace != null && namespace.startsWith(NAMESPACE_PREFIX)
                ? namespace.substring(NAMESPACE_PREFIX.length()) : null;
        if (!"Document".equals(name) || type == null || !MESSAGE_TYPES.contains(type)) {
            throw rejected("not a camt.053/054 document we read: "
                    + (namespace == null || namespace.isEmpty() ? "no namespace" : namespace)
                    + " (we read camt.053 and camt.054 in versions .001.02, .001.04 and .001.08)");
        }
        messageType = type;
        boolean statement = type.startsWith("camt.053");
        rootName = statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        reportName = statement ? "Stmt" : "Ntfctn";
    }

    private void end() {
        boolean wasLeaf = leaf;
        leaf = false;
        if (!wasLeaf && depth > 4 && !(strd != null && depth == 9) && depth != 6 && depth != 8) {
            closeContainer();
            return;
        }
        String value = wasLeaf ? text.toString().strip() : "";
        if (strd != null) {
            if (depth == 8) {
                strd.finish();
                strd = null;
            } else {
                strd.set(relative(9), value, amount(value));
            }
        } else if (tx != null) {
            if (depth == 6) {
                tx = null;
            } else {
                tx.set(relative(7), value, currency, amount(value));
            }
        } else if (entry != null) {
            if (depth == 4) {
                finishEntry();
            } else {
                entryValue(relative(5), value);
            }
        } else if (report != null) {
            if (depth == 3) {
                finishReport();
            } else {
                reportValue(relative(4), value);
            }
        } else if (depth == 4 && "GrpHdr".equals(path[3])) {
            switch (path[4]) {
                case "MsgId" -> messageId = value.isEmpty() ? null : value;
                case "CreDtTm" -> created = dateTime(value);
                default -> {
                }
            }
        }
        closeContainer();
    }

    private void closeContainer() {
        text.setLength(0);
        currency = null;
        depth--;
    }

    private void entryValue(String at, String value) {
        switch (at) {
            case "NtryRef" -> entry.entryReference = blankToNull(value);
            case "AcctSvcrRef" -> entry.servicerReference = blankToNull(value);
            case "Amt" -> {
                entry.amount = amount(value);
                entry.currency = blankToNull(currency);
            }
            case "CdtDbtInd" -> entry.credit = "CRDT".equals(value);
            case "RvslInd" -> entry.reversal = "true".equals(value) || "1".equals(value);
            case "Sts", "Sts/Cd" -> {
                if (!value.isEmpty()) {
                    entry.status = value;
                }
            }
            case "BookgDt/Dt" -> entry.bookingDate = date(value);
            case "BookgDt/DtTm" -> entry.bookingDate = dateTime(value).toLocalDate();
            case "ValDt/Dt" -> entry.valueDate = date(value);
            case "ValDt/DtTm" -> entry.valueDate = dateTime(value).toLocalDate();
            default -> {
            }
        }
    }

    private void reportValue(String at, String value) {
        switch (at) {
            case "Id" -> report.id = value;
            case "Acct/Id/IBAN" -> report.account = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            case "Acct/Id/Othr/Id" -> report.other = value;
            case "Acct/Ccy" -> report.currency = blankToNull(value);
            default -> {
            }
        }
    }

    private void finishEntry() {
        if (keys == null) {
            if (messageId == null) {
                throw rejected("GrpHdr/MsgId is missing");
            }
            keys = new BankTransactionKeys(messageId);
        }
        BankEntry built = entry.build(keys, report.id);
        report.add(built);
        entry = null;
    }

    private void finishReport() {
        String account = report.account != null && !report.account.isEmpty() ? report.account : blankToNull(report.other);
        if (account == null) {
            throw rejected(reportName + " " + report.id + " names no account (Acct/Id/IBAN or Acct/Id/Othr/Id)");
        }
        if (report.currency != null && report.bookedCredits > 0 && report.bookedCreditsInAccountCurrency == 0) {
            throw new BankFileRejectedException(422, "every booked credit of account " + account
                    + " is in another currency than the account's " + report.currency);
        }
        boolean iban = report.account != null && !report.account.isEmpty() && IbanUtil.isValid(account);
        reports.add(new AccountReport(report.id, account, iban, report.currency, List.copyOf(report.list)));
        report = null;
    }

    private String relative(int from) {
        if (from == depth) {
            return path[depth];
        }
        StringBuilder b = new StringBuilder(path[from]);
        for (int i = from + 1; i <= depth; i++) {
            b.append('/').append(path[i]);
        }
        return b.toString();
    }

    /** Parses a decimal only for elements that carry a currency; any other value returns null. */
    private BigDecimal amount(String value) {
        if (currency == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw rejected("amount '" + abbreviated(value) + "' is not a decimal number");
        }
        return new BigDecimal(value);
    }

    private LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw rejected("'" + abbreviated(value) + "' is not a date");
        }
    }

    private OffsetDateTime dateTime(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw rejected("'" + abbreviated(value) + "' is not a date and time");
            }
        }
    }

    private BankFileRejectedException rejected(String message) {
        int line = xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
        return new BankFileRejectedException(400, message + (line > 0 ? " (line " + line + ")" : ""));
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class ReportState {
        String id;
        String account;
        String other;
        String currency;
        int entries;
        int bookedCredits;
        int bookedCreditsInAccountCurrency;
        final List<BankEntry> list = new ArrayList<>();

        void add(BankEntry entry) {
            list.add(entry);
            if (entry.credit() && entry.booked() && !entry.reversal()) {
                bookedCredits++;
                if (currency != null && currency.equals(entry.currency())) {
                    bookedCreditsInAccountCurrency++;
                }
            }
        }
    }
}
