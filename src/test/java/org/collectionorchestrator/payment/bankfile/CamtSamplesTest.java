package org.collectionorchestrator.payment.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Reads the published camt files in {@code ../shared/samples/camt/} (skipped when that folder is absent). The expected
 * counts were taken by reading each file, not by running the reader.
 */
class CamtSamplesTest {

    private static final Path SAMPLES = Path.of("..", "shared", "samples", "camt");

    /**
     * @param bookedCredits BOOK, CRDT, not a reversal
     * @param references    structured references ({@code CdtrRefInf/Ref}) over all transactions
     * @param quarantined   entries with a problem
     */
    record Expected(String file, String account, boolean iban, int entries, int bookedCredits, int pending,
            int debits, int reversals, int transactions, int references, int quarantined) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> samples() {
        return Stream.of(
                new Expected("ch_dvbern_camt054.001.04_reversal-pdng-debit.xml",
                        "CH160077401231234567", false, 3, 0, 1, 1, 1, 3, 3, 0),
                new Expected("ch_postfinance_camt053.001.04_esr-batches-dd-refund-reversals.xml",
                        "CH0309000000250090342", true, 13, 5, 0, 8, 2, 32, 10, 0),
                new Expected("ch_postfinance_camt053.001.08_statement-dup-acctsvcrref.xml",
                        "CH2909000000250094239", true, 5, 4, 0, 1, 0, 5, 0, 0),
                new Expected("ch_postfinance_camt054.001.04_esr-batch5-isr-refs-plus-debit.xml",
                        "CH2909000000250094239", true, 2, 1, 0, 1, 0, 6, 6, 0),
                new Expected("ch_postfinance_camt054.001.08_qrr-structured-refs-batch2.xml",
                        "CH2909000000250094239", true, 1, 1, 0, 0, 0, 2, 2, 0),
                new Expected("ch_postfinance_camt054.001.08_return-reversal-rtrinf.xml",
                        "CH5109000000250092291", true, 1, 0, 0, 0, 1, 1, 0, 0),
                new Expected("fi_fffs_camt053.001.02_statement-batches-rf-fx.xml",
                        "FI7433010001222090", true, 10, 6, 0, 4, 0, 13, 3, 0),
                new Expected("fi_fffs_camt054.001.02_batch-finref-rf-creditnote-reversal-info-multiccy.xml",
                        "FI7433010001222090", true, 6, 3, 0, 2, 1, 13, 10, 0),
                new Expected("fi_op-bank_camt053.001.02_real-statement-single-credit.xml",
                        "FI1557169020004185", true, 1, 1, 0, 0, 0, 1, 0, 0),
                new Expected("nl_oca_camt053.001.02_dd-return-reversal-batch2-ustrd.xml",
                        "NL77ABNA0574908765", true, 3, 1, 0, 2, 1, 4, 0, 0),
                new Expected("se_iso20022-business-example_camt053.001.04_sek-batch-without-txdtls-fx.xml",
                        "50000000054910000003", false, 3, 2, 0, 1, 0, 3, 0, 1),
                new Expected("xx_genkgo_camt053.001.08_scor-ref-othr-acct-mixed-ccy-balances.xml",
                        "NL26VAYB8060476890", false, 1, 1, 0, 0, 0, 1, 1, 1),
                new Expected("xx_genkgo_camt054.001.08_batch3-multi-strd-ustrd-mixed-ccy.xml",
                        "CH2801234000123456789", true, 1, 0, 0, 1, 0, 3, 4, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsWithTheCountsSeenInTheFile(Expected expected) {
        BankFile file = read(expected.file());

        assertThat(file.reports()).hasSize(1);
        AccountReport report = file.reports().get(0);
        List<BankEntry> entries = report.entries();
        List<BankTransaction> transactions = entries.stream().flatMap(e -> e.transactions().stream()).toList();
        assertThat(report.account()).isEqualTo(expected.account());
        assertThat(report.iban()).isEqualTo(expected.iban());
        assertThat(entries).hasSize(expected.entries());
        assertThat(entries.stream().filter(e -> e.booked() && e.credit() && !e.reversal())).hasSize(expected.bookedCredits());
        assertThat(entries.stream().filter(e -> "PDNG".equals(e.status()))).hasSize(expected.pending());
        assertThat(entries.stream().filter(e -> !e.credit())).hasSize(expected.debits());
        assertThat(entries.stream().filter(BankEntry::reversal)).hasSize(expected.reversals());
        assertThat(transactions).hasSize(expected.transactions());
        assertThat(transactions.stream().mapToInt(t -> t.structuredReferences().size()).sum())
                .isEqualTo(expected.references());
        assertThat(entries.stream().filter(e -> e.problem() != null)).hasSize(expected.quarantined());
        Set<String> keys = new HashSet<>();
        transactions.forEach(t -> assertThat(keys.add(t.key())).as("key %s unique", t.key()).isTrue());
        assertThat(keys).allSatisfy(k -> assertThat(k.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void twoEntriesSharingAServicerReferenceGetDifferentKeys() {
        List<BankEntry> entries = read("ch_postfinance_camt053.001.08_statement-dup-acctsvcrref.xml")
                .reports().get(0).entries();

        assertThat(entries.get(3).servicerReference()).isEqualTo(entries.get(4).servicerReference());
        assertThat(entries.get(3).transactions().get(0).key())
                .isEqualTo("r:07582000303KBMSU|CH2909000000250094239|a:07582000303KBMSU");
        assertThat(entries.get(4).transactions().get(0).key())
                .isEqualTo("r:07582000303KBMSU|CH7730000001250094239|a:07582000303KBMSU");
        assertThat(entries.get(0).status()).isEqualTo("BOOK");
    }

    @Test
    void finnishCreditNoteIsNettedInTheRemittance() {
        BankFile file = read("fi_fffs_camt054.001.02_batch-finref-rf-creditnote-reversal-info-multiccy.xml");
        BankEntry first = file.reports().get(0).entries().get(0);
        BankTransaction payment = first.transactions().get(0);

        assertThat(file.messageType()).isEqualTo("camt.054.001.02");
        assertThat(file.messageId()).isEqualTo("BANKFILEID219073");
        assertThat(payment.amount()).isEqualByComparingTo("1900.00");
        assertThat(payment.debtorName()).isEqualTo("PAYERS NAME1");
        assertThat(payment.structuredReferences()).containsExactly("3900", "12344");
        assertThat(payment.referredDocuments()).containsExactly(
                new BankTransaction.ReferredDocument("3900", false, new BigDecimal("2500.00")),
                new BankTransaction.ReferredDocument("12344", true, new BigDecimal("600.00")));
        assertThat(payment.key()).isEqualTo("r:091029ACCTSTMTARCH04||a:D091029N987654321S001");
        BankEntry info = file.reports().get(0).entries().get(5);
        assertThat(info.status()).isEqualTo("INFO");
        assertThat(info.transactions()).extracting(BankTransaction::returnReason).containsExactly("AC01", "CUST");
        assertThat(file.reports().get(0).entries().get(2).transactions().get(0).structuredReferences())
                .containsExactly("RF7812345", "RF0812344");
    }

    @Test
    void swedishStatementWithAnFxPaymentAndBookingDateTimes() {
        AccountReport report = read("se_iso20022-business-example_camt053.001.04_sek-batch-without-txdtls-fx.xml")
                .reports().get(0);

        assertThat(report.currency()).isNull();
        BankEntry zero = report.entries().get(0);
        assertThat(zero.problem()).contains("transactions add up to 0 SEK");
        assertThat(zero.transactions().get(0).problem()).isEqualTo("amount 0");
        BankEntry lump = report.entries().get(1);
        assertThat(lump.transactions()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualByComparingTo("200000");
            assertThat(t.problem()).isNull();
        });
        BankEntry fx = report.entries().get(2);
        assertThat(fx.problem()).isNull();
        assertThat(fx.bookingDate()).isEqualTo(LocalDate.of(2010, 10, 18));
        assertThat(fx.transactions()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualByComparingTo("30000");
            assertThat(t.currency()).isEqualTo("SEK");
            assertThat(t.endToEndId()).isEqualTo("AAAASS1085FINPSS");
        });
    }

    @Test
    void realStatementOnOneLineHasOneUnremittedCredit() {
        BankFile file = read("fi_op-bank_camt053.001.02_real-statement-single-credit.xml");
        BankTransaction only = file.reports().get(0).entries().get(0).transactions().get(0);

        assertThat(only.amount()).isEqualByComparingTo("1159.23");
        assertThat(only.debtorName()).isNull();
        assertThat(only.structuredReferences()).isEmpty();
        assertThat(only.unstructured()).isEmpty();
        assertThat(file.reports().get(0).currency()).isEqualTo("EUR");
    }

    @Test
    void entryWithoutReferencesIsKeyedByMessageReportAndPosition() {
        BankFile file = read("ch_dvbern_camt054.001.04_reversal-pdng-debit.xml");
        BankEntry reversal = file.reports().get(0).entries().get(0);

        assertThat(reversal.transactions().get(0).key()).isEqualTo("m:MSGID-201707261400|NtfctnId20170726|#1|#1");
        assertThat(reversal.transactions().get(0).debtorName()).isEqualTo("Ada Lovelace");
        assertThat(file.reports().get(0).entries().get(1).booked()).isFalse();
    }

    @Test
    void genkgoBatchWithSharedEndToEndIdsFallsBackToPositions() {
        BankEntry debit = read("xx_genkgo_camt054.001.08_batch3-multi-strd-ustrd-mixed-ccy.xml")
                .reports().get(0).entries().get(0);

        assertThat(debit.transactions()).extracting(BankTransaction::key).containsExactly(
                "r:ACSR160617103200001||e:UXC06170000006PI00001EE00001",
                "r:ACSR160617103200001||#2",
                "r:ACSR160617103200001||#3");
        assertThat(debit.transactions().get(2).structuredReferences())
                .containsExactly("Ref number V3 block 1", "Ref number V3 block 2");
        assertThat(debit.problem()).contains("no amount in SEK");
    }

    private static BankFile read(String name) {
        assumeTrue(Files.isDirectory(SAMPLES), "skipped: " + SAMPLES.toAbsolutePath() + " is absent");
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(name))) {
            return new CamtReader().read(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
