package org.collectionorchestrator.payment.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.collectionorchestrator.support.CamtFiles;
import org.collectionorchestrator.support.CamtFiles.CamtFile;
import org.collectionorchestrator.support.CamtFiles.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CamtReaderTest {

    static Stream<Arguments> layouts() {
        return Stream.of(Version.values()).flatMap(v -> Stream.of(
                Arguments.of(v, true), Arguments.of(v, false)));
    }

    @ParameterizedTest(name = "{0} statement={1}")
    @MethodSource("layouts")
    void readsANorwegianKidPaymentInEveryLayout(Version version, boolean statement) {
        CamtFile camt = (statement ? CamtFiles.statement(version) : CamtFiles.notification(version))
                .messageId("MSG-7").reportId("R-1").account("no93 8601 1117 947").currency("NOK")
                .entry(e -> e.credit("1250.50").servicerRef("SVC-1").entryRef("NR-1")
                        .bookingDate(LocalDate.of(2026, 11, 27)).valueDate(LocalDate.of(2026, 11, 28))
                        .tx(t -> t.amount("1250.50").servicerRef("TX-1").endToEnd("E2E-1")
                                .debtor("Kari Nordmann & Sønn").debtorIban("NO8330001234567")
                                .scor("27078413730011702").ustrd("Faktura 1001", "takk")
                                .invoice("1001", "1250.50")));

        BankFile file = read(camt.xml());

        String type = (statement ? "camt.053." : "camt.054.") + version.name().replace("V", "001.");
        assertThat(file.messageType()).isEqualTo(type);
        assertThat(file.messageId()).isEqualTo("MSG-7");
        assertThat(file.created()).isEqualTo(OffsetDateTime.parse("2026-11-30T18:00:00+01:00"));
        AccountReport report = file.reports().get(0);
        assertThat(report.reportId()).isEqualTo("R-1");
        assertThat(report.account()).isEqualTo("NO9386011117947");
        assertThat(report.iban()).isTrue();
        assertThat(report.currency()).isEqualTo("NOK");
        BankEntry entry = report.entries().get(0);
        assertThat(entry).extracting(BankEntry::sequence, BankEntry::entryReference, BankEntry::servicerReference,
                        BankEntry::currency, BankEntry::credit, BankEntry::reversal, BankEntry::status,
                        BankEntry::bookingDate, BankEntry::valueDate, BankEntry::problem)
                .containsExactly(1, "NR-1", "SVC-1", "NOK", true, false, "BOOK",
                        LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28), null);
        assertThat(entry.amount()).isEqualByComparingTo("1250.50");
        assertThat(entry.transactions()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("r:SVC-1|NR-1|a:TX-1");
            assertThat(t.amount()).isEqualByComparingTo("1250.50");
            assertThat(t.currency()).isEqualTo("NOK");
            assertThat(t.endToEndId()).isEqualTo("E2E-1");
            assertThat(t.debtorName()).isEqualTo("Kari Nordmann & Sønn");
            assertThat(t.debtorAccount()).isEqualTo("NO8330001234567");
            assertThat(t.structuredReferences()).containsExactly("27078413730011702");
            assertThat(t.referredDocuments()).containsExactly(
                    new BankTransaction.ReferredDocument("1001", false, new BigDecimal("1250.50")));
            assertThat(t.unstructured()).containsExactly("Faktura 1001", "takk");
            assertThat(t.problem()).isNull();
        });
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void batchGivesOneTransactionEachAndPendingDebitReversalAreReported(Version version) {
        BankFile file = read(CamtFiles.notification(version).currency("SEK")
                .entry(e -> e.credit("300.00").servicerRef("B1").batch()
                        .tx(t -> t.amount("100.00").endToEnd("A").scor("12351"))
                        .tx(t -> t.amount("200.00").endToEnd("B").rf("RF18539007547034"))
                        .tx(t -> t.amount("0.00").endToEnd("C")))
                .entry(e -> e.credit("50.00").pending().servicerRef("P1"))
                .entry(e -> e.debit("75.00").servicerRef("D1").bookingDateTime())
                .entry(e -> e.debit("100.00").reversal().servicerRef("R1").tx(t -> t.amount("100.00").returnReason("AC04")))
                .xml());

        var entries = file.reports().get(0).entries();
        assertThat(entries.get(0).transactions()).extracting(BankTransaction::key)
                .containsExactly("r:B1||e:A", "r:B1||e:B", "r:B1||e:C");
        assertThat(entries.get(0).problem()).isNull();
        assertThat(entries.get(0).transactions()).extracting(BankTransaction::problem)
                .containsExactly(null, null, "amount 0");
        assertThat(entries.get(1).status()).isEqualTo("PDNG");
        assertThat(entries.get(1).booked()).isFalse();
        assertThat(entries.get(1).transactions()).singleElement()
                .satisfies(t -> assertThat(t.amount()).isEqualByComparingTo("50.00"));
        assertThat(entries.get(2).credit()).isFalse();
        assertThat(entries.get(2).bookingDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(entries.get(3).reversal()).isTrue();
        assertThat(entries.get(3).transactions().get(0).returnReason()).isEqualTo("AC04");
    }

    static Stream<Arguments> entryProblems() {
        return Stream.<Arguments>of(
                problem("batch does not add up",
                        e -> e.credit("300.00").tx(t -> t.amount("100.00")).tx(t -> t.amount("150.00")),
                        "transactions add up to 250.00 NOK, the entry is 300.00 NOK", null),
                problem("entry with too many decimals",
                        e -> e.credit("10.505"), "10.505 has more decimals than NOK allows (2)", null),
                problem("JPY with decimals",
                        e -> e.credit("100.5").currency("JPY"), "100.5 has more decimals than JPY allows (0)", null),
                problem("single transaction of 0",
                        e -> e.credit("100.00").tx(t -> t.amount("0")), "transactions add up to 0 NOK", "amount 0"),
                problem("transaction amount missing in a batch",
                        e -> e.credit("100.00").tx(t -> t.amount("100.00")).tx(t -> t.endToEnd("X")),
                        "transaction 2 has no amount in NOK", null),
                problem("transaction in another currency in a batch",
                        e -> e.credit("100.00").tx(t -> t.amount("60.00")).tx(t -> t.amount("4.00", "EUR")),
                        "transaction 2 has no amount in NOK", null),
                problem("credit in another currency than the account",
                        e -> e.credit("10.00").currency("EUR"), "credit in EUR on an account in NOK", null),
                problem("negative amount", e -> e.credit("-5.00"), "negative amount -5.00", null),
                problem("unknown currency", e -> e.credit("5.00").currency("XYZ"), "unknown currency 'XYZ'", null),
                problem("entry of 0 without details", e -> e.credit("0.00"), null, "amount 0"),
                problem("fine", e -> e.credit("5.00").tx(t -> t.amount("5.00")), null, null));
    }

    private static Arguments problem(String name, UnaryOperator<CamtFiles.Entry> entry, String entryProblem,
            String firstTxProblem) {
        return Arguments.of(name, entry, entryProblem, firstTxProblem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryProblems")
    void badEntryIsQuarantinedWhileTheRestReads(String name, UnaryOperator<CamtFiles.Entry> bad, String entryProblem,
            String firstTxProblem) {
        BankFile file = read(CamtFiles.notification(Version.V08).currency("NOK")
                .entry(e -> e.credit("1.00").servicerRef("GOOD"))
                .entry(bad::apply)
                .xml());

        BankEntry good = file.reports().get(0).entries().get(0);
        BankEntry quarantined = file.reports().get(0).entries().get(1);
        assertThat(good.problem()).isNull();
        if (entryProblem == null) {
            assertThat(quarantined.problem()).isNull();
        } else {
            assertThat(quarantined.problem()).startsWith(entryProblem).contains("(line ");
        }
        assertThat(quarantined.transactions().get(0).problem()).isEqualTo(firstTxProblem);
    }

    @Test
    void foreignCurrencyOnlyTransactionTakesTheCreditedAmount() {
        BankEntry entry = read(CamtFiles.statement(Version.V04).currency("SEK")
                .entry(e -> e.credit("30000.00").tx(t -> t.amount("3255.00", "EUR")))
                .xml()).reports().get(0).entries().get(0);

        assertThat(entry.problem()).isNull();
        assertThat(entry.transactions().get(0).amount()).isEqualByComparingTo("30000.00");
        assertThat(entry.transactions().get(0).currency()).isEqualTo("SEK");
    }

    @Test
    void everyBookedCreditInAnotherCurrencyRefusesTheFile() {
        String xml = CamtFiles.notification(Version.V02).currency("NOK")
                .entry(e -> e.credit("10.00").currency("EUR"))
                .entry(e -> e.credit("20.00").currency("EUR"))
                .entry(e -> e.debit("5.00"))
                .xml();

        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(BankFileRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.getMessage()).contains("NO9386011117947").contains("NOK");
        });
    }

    @Test
    void accountWithoutCurrencyTakesCreditsInAnyCurrency() {
        BankFile file = read(CamtFiles.notification(Version.V02).entryCurrency("EUR")
                .entry(e -> e.credit("10.00"))
                .xml());

        assertThat(file.reports().get(0).entries().get(0).problem()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void amountThatIsNotANumberRefusesTheFile(Version version) {
        assertRejected(CamtFiles.notification(version).entry(e -> e.credit("12,50")).xml(), "'12,50' is not a decimal");
        assertRejected(CamtFiles.notification(version).entry(e -> e.credit("1.00").tx(t -> t.amount("1e2"))).xml(),
                "'1e2' is not a decimal");
    }

    @Test
    void dateThatIsNotADateRefusesTheFile() {
        assertRejected(CamtFiles.notification(Version.V02).entry(e -> e.credit("1.00")).xml()
                .replace("<Dt>2026-11-30</Dt>", "<Dt>30.11.2026</Dt>"), "'30.11.2026' is not a date");
    }

    @Test
    void missingMessageIdOrAccountRefusesTheFile() {
        String xml = CamtFiles.notification(Version.V02).entry(e -> e.credit("1.00")).xml();
        assertRejected(xml.replace("<MsgId>MSG-0001</MsgId>", ""), "GrpHdr/MsgId is missing");
        assertRejected(xml.replace("<IBAN>NO9386011117947</IBAN>", ""), "names no account");
    }

    @Test
    void nationalAccountNumberAndInvalidIban() {
        BankFile file = read(CamtFiles.statement(Version.V02).otherAccount("12345678903")
                .nextReport("R-2").account("NO9386011117948")
                .xml());

        assertThat(file.reports()).extracting(AccountReport::account, AccountReport::iban)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("12345678903", false),
                        org.assertj.core.groups.Tuple.tuple("NO9386011117948", false));
    }

    @Test
    void creditNoteAndFinnishNettingAreReferredDocuments() {
        BankTransaction tx = read(CamtFiles.notification(Version.V08).currency("EUR")
                .entry(e -> e.credit("1900.00").tx(t -> t.amount("1900.00")
                        .scorWithAmount("3900", "2500.00", false)
                        .scorWithAmount("12344", "600.00", true)
                        .creditNote("CN-9", "10.00")))
                .xml()).reports().get(0).entries().get(0).transactions().get(0);

        assertThat(tx.structuredReferences()).containsExactly("3900", "12344");
        assertThat(tx.referredDocuments()).containsExactly(
                new BankTransaction.ReferredDocument("3900", false, new BigDecimal("2500.00")),
                new BankTransaction.ReferredDocument("12344", true, new BigDecimal("600.00")),
                new BankTransaction.ReferredDocument("CN-9", true, new BigDecimal("10.00")));
    }

    @Test
    void sameEntryInANotificationAndAStatementHasTheSameKey() {
        UnaryOperator<CamtFile> entries = f -> f.currency("NOK")
                .entry(e -> e.credit("300.00").servicerRef("ARCH-1").batch()
                        .tx(t -> t.amount("100.00").servicerRef("T-1"))
                        .tx(t -> t.amount("200.00").servicerRef("T-2")));
        BankFile notification = read(entries.apply(CamtFiles.notification(Version.V02).messageId("N")).xml());
        BankFile statement = read(entries.apply(CamtFiles.statement(Version.V08).messageId("S")).xml());

        assertThat(statement.reports().get(0).entries().get(0).transactions())
                .extracting(BankTransaction::key)
                .isEqualTo(notification.reports().get(0).entries().get(0).transactions().stream()
                        .map(BankTransaction::key).toList())
                .containsExactly("r:ARCH-1||a:T-1", "r:ARCH-1||a:T-2");
    }

    @Test
    void severalAccountsInOneStatementAndADanishFik() {
        BankFile file = new CamtReader().read(CamtFiles.statement(Version.V08)
                .account("DK5000400440116243").currency("DKK")
                .entry(e -> e.credit("100.00").servicerRef("A").tx(t -> t.amount("100.00").fik71("000000000000018")))
                .nextReport("RPT-2").account("DK9520000123456789").currency("DKK")
                .entry(e -> e.credit("5.00").servicerRef("A"))
                .inputStream());

        assertThat(file.reports()).extracting(AccountReport::reportId).containsExactly("RPT-1", "RPT-2");
        assertThat(file.reports().get(0).entries().get(0).transactions().get(0).structuredReferences())
                .containsExactly("71/000000000000018");
        assertThat(file.reports().get(1).entries().get(0).sequence()).isEqualTo(1);
        assertThat(file.reports().get(1).entries().get(0).transactions().get(0).key()).isEqualTo("r:A||#1");
    }

    private static void assertRejected(String xml, String messagePart) {
        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(BankFileRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static BankFile read(String xml) {
        return new CamtReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
