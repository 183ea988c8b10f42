package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeppolParticipantIdTest {

    @ParameterizedTest(name = "{0} valid: {1}")
    @CsvSource({
            "0192:974760673, true",     // Brønnøysundregistrene, MOD11 holds
            "0192:987654321, false",    // the common example number fails MOD11
            "0192:97476067, false",     // 8 digits
            "9908:974760673, true",     // the older Norwegian scheme
            "0184:29403473, true",      // a Danish CVR (weights 2 7 6 5 4 3 2 1)
            "0184:29403474, false",
            "0007:5560360793, true",    // a Swedish organisation number (Luhn)
            "0007:5560360794, false",
            "0037:01120389, true",      // a Finnish Y-tunnus 0112038-9 without hyphen
            "0037:01120388, false",
            "0088:7300010000001, true", // a GLN with its GS1 check digit
            "0088:7300010000002, false",
            "0208:0123456789, true",
            "1234:974760673, false",    // no such scheme
            "974760673, false",         // no scheme
            "0192:, false",
            "'0192:974 760 673', false",
    })
    void checksSchemeAndId(String participantId, boolean valid) {
        assertThat(PeppolParticipantId.isValid(participantId)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            "1234:974760673, scheme 1234 is not a PEPPOL participant identifier scheme we know",
            "0192:987654321, is not a valid id in scheme 0192 (length or check digit)",
            "974760673, 'must be scheme:id, e.g. 0192:974760673'",
    })
    void saysWhatIsWrong(String participantId, String problem) {
        assertThat(PeppolParticipantId.problem(participantId)).contains(problem);
    }
}
