package org.collectionorchestrator.payment.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.collectionorchestrator.support.CamtFiles;
import org.collectionorchestrator.support.CamtFiles.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bank files are untrusted input: each hostile one is refused as a whole, with a reason a person can act on. */
class CamtHostileInputTest {

    private static final String GOOD = CamtFiles.notification(Version.V02)
            .entry(e -> e.credit("100.00").servicerRef("S1").tx(t -> t.amount("100.00").scor("12344")))
            .xml();

    @Test
    void externalEntityToALocalFileIsRefusedAndNotRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = GOOD.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \""
                        + secret.toUri() + "\">]>").replace("12344", "&xxe;");

        assertThatThrownBy(() -> read(xxe))
                .isInstanceOfSatisfying(BankFileRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
                });
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = GOOD.replace("<Document", dtd + "]>\n<Document").replace("12344", "&lol9;");

        assertRejected(bomb, 400, "DOCTYPE");
    }

    @Test
    void undeclaredEntityIsNotWellFormed() {
        assertRejected(GOOD.replace("12344", "&xxe;"), 400, "line");
    }

    static Stream<Arguments> wrongDocuments() {
        return Stream.of(
                Arguments.of("pain.001", CamtFiles.notification(Version.V02)
                        .namespace("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03").xml(),
                        "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"),
                Arguments.of("camt.052", CamtFiles.statement(Version.V08)
                        .namespace("urn:iso:std:iso:20022:tech:xsd:camt.052.001.08").xml(),
                        "camt.052.001.08"),
                Arguments.of("camt.053.001.06", CamtFiles.statement(Version.V08)
                        .namespace("urn:iso:std:iso:20022:tech:xsd:camt.053.001.06").xml(),
                        "camt.053.001.06"),
                Arguments.of("no namespace", "<Document><BkToCstmrStmt/></Document>", "no namespace"),
                Arguments.of("another root", "<invoice xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>",
                        "not a camt.053/054 document"),
                Arguments.of("054 namespace with a 053 body", CamtFiles.statement(Version.V02).xml()
                        .replace("camt.053.001.02", "camt.054.001.02"), "expected BkToCstmrDbtCdtNtfctn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongDocuments")
    void documentsWeDoNotReadAreRefusedNamingTheirNamespace(String name, String xml, String named) {
        assertRejected(xml, 400, named);
    }

    @Test
    void hugeTextOrDeepNestingIsRefused() {
        assertRejected(GOOD.replace("12344", "9".repeat(200_000)), 400, "longer than 100000 characters");
        assertRejected(GOOD.replace("<Ntry>", "<Ntry>" + "<X>".repeat(100) + "</X>".repeat(100)), 400,
                "nested deeper than 64");
    }

    @Test
    void truncatedFileNamesTheLineWhereItEnds() {
        String truncated = GOOD.substring(0, GOOD.indexOf("</Ntry>"));

        assertRejected(truncated, 400, "not well-formed XML at line");
    }

    @Test
    void nonXmlIsNotWellFormed() {
        assertRejected("%PDF-1.7 this is a letter, not a bank file", 400, "not well-formed XML at line 1");
        assertRejected("{\"entries\": []}", 400, "not well-formed XML");
    }

    @Test
    void emptyBodyIsRefused() {
        assertRejected("", 400, "empty body");
        assertRejected("   \n", 400, "not well-formed XML");
    }

    @Test
    void fileBeyondTheCapIsRefusedWithoutReadingItToTheEnd() {
        CamtReader reader = new CamtReader(64 * 1024);
        EndlessFile endless = new EndlessFile();

        assertThatThrownBy(() -> reader.read(endless))
                .isInstanceOfSatisfying(BankFileRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("65536 bytes");
                });
        assertThat(endless.served).isLessThan(64 * 1024 + 256 * 1024);
    }

    @Test
    void fileJustUnderTheCapIsRead() {
        byte[] bytes = GOOD.getBytes(StandardCharsets.UTF_8);

        assertThat(new CamtReader(bytes.length).read(new ByteArrayInputStream(bytes)).reports()).hasSize(1);
        assertThatThrownBy(() -> new CamtReader(bytes.length - 1).read(new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(BankFileRejectedException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void capComesFromConfiguration() {
        assertThat(new CamtReader("1MB").maxBytes()).isEqualTo(1024 * 1024);
        assertThat(new CamtReader().maxBytes()).isEqualTo(200L * 1024 * 1024);
    }

    private static void assertRejected(String xml, int status, String messagePart) {
        assertThatThrownBy(() -> read(xml))
                .isInstanceOfSatisfying(BankFileRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    private static BankFile read(String xml) {
        return new CamtReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A well-formed start and then entries for ever. */
    private static final class EndlessFile extends InputStream {
        private final byte[] head = ("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\">"
                + "<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>M</MsgId></GrpHdr><Ntfctn><Id>N</Id>"
                + "<Acct><Id><IBAN>NO9386011117947</IBAN></Id></Acct>").getBytes(StandardCharsets.UTF_8);
        private final byte[] entry = ("<Ntry><Amt Ccy=\"NOK\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>")
                .getBytes(StandardCharsets.UTF_8);
        long served;

        @Override
        public int read() {
            int b = served < head.length ? head[(int) served] : entry[(int) ((served - head.length) % entry.length)];
            served++;
            return b & 0xff;
        }
    }
}
