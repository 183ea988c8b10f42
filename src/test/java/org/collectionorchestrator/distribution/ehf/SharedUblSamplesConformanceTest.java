package org.collectionorchestrator.distribution.ehf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published PEPPOL BIS 3 and EHF 3 samples in {@code ../shared/samples/ubl/} against our validator. Skipped with
 * a message where the folder is absent (CI always has it). The samples are read, never copied into the project.
 */
class SharedUblSamplesConformanceTest {

    private static final Path SAMPLES = Path.of("..", "shared", "samples", "ubl");
    private static PeppolRules rules;

    @BeforeAll
    static void loadRules() {
        rules = new PeppolRules();
    }

    private static byte[] sample(String name) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES),
                "skipped: " + SAMPLES.toAbsolutePath().normalize() + " is absent (the shared UBL samples)");
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "peppol-bis3_invoice_base-example_eur.xml",
            "peppol-bis3_creditnote_base-correction_eur.xml",
            // Its KID 0003434323213231 fails MOD10 and MOD11, yet the document is valid EHF: the PEPPOL rules do not
            // check a KID (BT-83 is free text to them). We accept it as the rules do; our own documents carry only
            // references our registration checked.
            "ehf3_invoice_norway-example_nok-kid.xml"})
    void thePublishedBis3AndEhfSamplesPass(String name) throws IOException {
        PeppolRules.Verdict verdict = rules.validate(sample(name));

        assertThat(verdict.errors()).as(name).isEmpty();
    }

    @Test
    void theEhfForwardBillingCreditNoteIsRefusedOnPurpose() throws IOException {
        // EHF Forward Billing 3.0 is another customisation (re-invoicing, e.g. grid rent) with its own process id, which
        // we never send: under the PEPPOL BIS Billing 3.0 rules it fails the profile rule (R007), and our channel refuses
        // it rather than send a document the receiver did not register for.
        byte[] document = sample("ehf3-forward-billing_creditnote_nettleie-corporate_nok-kid.xml");

        PeppolRules.Verdict verdict = rules.validate(document);

        assertThat(verdict.valid()).isFalse();
        assertThat(String.join("\n", verdict.errors())).contains("PEPPOL-EN16931-R007");
    }

    @Test
    void everySampleInTheFolderIsCovered() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "skipped: " + SAMPLES + " is absent");
        try (Stream<Path> files = Files.list(SAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "ehf3-forward-billing_creditnote_nettleie-corporate_nok-kid.xml",
                    "ehf3_invoice_norway-example_nok-kid.xml",
                    "peppol-bis3_creditnote_base-correction_eur.xml",
                    "peppol-bis3_invoice_base-example_eur.xml");
        }
    }
}
