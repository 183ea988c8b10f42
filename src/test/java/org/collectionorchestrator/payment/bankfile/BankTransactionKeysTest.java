package org.collectionorchestrator.payment.bankfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.collectionorchestrator.payment.bankfile.BankTransactionKeys.TxRefs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BankTransactionKeysTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("servicer and entry reference", "S", "N", List.of(new TxRefs("T", "X", "E")),
                        List.of("r:S|N|a:T")),
                Arguments.of("servicer reference only", "S", null, List.of(new TxRefs(null, "X", "E")),
                        List.of("r:S||t:X")),
                Arguments.of("entry reference only", null, "N", List.of(new TxRefs(null, null, "E")),
                        List.of("r:|N|e:E")),
                Arguments.of("no references: message, report, position", null, null, List.of(),
                        List.of("m:MSG|RPT|#4|#1")),
                Arguments.of("NOTPROVIDED is no end-to-end id", "S", null,
                        List.of(new TxRefs(null, null, "NOTPROVIDED")), List.of("r:S||#1")),
                Arguments.of("repeated tx servicer reference falls back to the next unique one", "S", null,
                        List.of(new TxRefs("T", "X1", null), new TxRefs("T", "X2", null)),
                        List.of("r:S||t:X1", "r:S||t:X2")),
                Arguments.of("shared end-to-end id falls back to the position", "S", null,
                        List.of(new TxRefs(null, null, "E1"), new TxRefs(null, null, "E2"), new TxRefs(null, null, "E2")),
                        List.of("r:S||e:E1", "r:S||#2", "r:S||#3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void keyRule(String name, String servicerRef, String entryRef, List<TxRefs> txs, List<String> expected) {
        assertThat(new BankTransactionKeys("MSG").forEntry("RPT", 4, servicerRef, entryRef, txs))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void sameKeyTwiceInOneFileIsNumbered() {
        BankTransactionKeys keys = new BankTransactionKeys("MSG");

        assertThat(keys.forEntry("R", 1, "07582000303KBMSU", null, List.of(new TxRefs("07582000303KBMSU", null, null))))
                .containsExactly("r:07582000303KBMSU||a:07582000303KBMSU");
        assertThat(keys.forEntry("R", 2, "07582000303KBMSU", null, List.of(new TxRefs("07582000303KBMSU", null, null))))
                .containsExactly("r:07582000303KBMSU||a:07582000303KBMSU~2");
    }

    @Test
    void longKeyIsCutAndHashedToExactly100Characters() {
        String longRef = "A".repeat(80);
        BankTransactionKeys keys = new BankTransactionKeys("MSG");

        String first = keys.forEntry("R", 1, longRef, null, List.of(new TxRefs(longRef + "1", null, null))).get(0);
        String second = keys.forEntry("R", 2, longRef, null, List.of(new TxRefs(longRef + "2", null, null))).get(0);

        assertThat(first).hasSize(100).startsWith("r:" + "A".repeat(33) + "~");
        assertThat(second).hasSize(100).isNotEqualTo(first);
        assertThat(BankTransactionKeys.shorten("r:" + longRef + "||a:" + longRef + "1")).isEqualTo(first);
    }
}
