package org.collectionorchestrator.payment.bankfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collectionorchestrator.support.CamtFiles;
import org.collectionorchestrator.support.CamtFiles.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camt.054 of 100,000 credits is read by streaming: only the records are held. */
class CamtLargeFileTest {

    private static final int ENTRIES = 100_000;

    @Test
    void readsOneHundredThousandEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            CamtFiles.notification(Version.V02).account("NO9386011117947").currency("NOK")
                    .entries(ENTRIES, (i, e) -> e.credit("125.00").servicerRef("ARCH-" + i)
                            .tx(t -> t.amount("125.00").endToEnd("E2E-" + i).debtor("Debtor " + i)
                                    .scor(String.valueOf(1_000_000 + i))))
                    .writeTo(out);
        }

        BankFile read;
        try (InputStream in = Files.newInputStream(file)) {
            read = new CamtReader().read(in);
        }

        var entries = read.reports().get(0).entries();
        assertThat(entries).hasSize(ENTRIES);
        assertThat(entries.stream().filter(e -> e.problem() == null).count()).isEqualTo(ENTRIES);
        assertThat(entries.get(ENTRIES - 1).transactions().get(0).key()).isEqualTo("r:ARCH-99999||e:E2E-99999");
        assertThat(entries.get(ENTRIES - 1).sequence()).isEqualTo(ENTRIES);
    }
}
