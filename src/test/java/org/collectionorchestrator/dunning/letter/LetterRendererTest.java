package org.collectionorchestrator.dunning.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collectionorchestrator.dunning.LetterKind.FRIENDLY_NOTICE;
import static org.collectionorchestrator.dunning.LetterKind.NOTICE;
import static org.collectionorchestrator.dunning.LetterKind.PAYMENT_DEMAND;
import static org.collectionorchestrator.dunning.LetterKind.REMINDER;
import static org.collectionorchestrator.dunning.letter.LetterFixtures.letter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collectionorchestrator.dunning.LetterKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every language × kind renders, read back out of the PDF: written down here, not taken from the text files. */
class LetterRendererTest {

    private static final LetterRenderer RENDERER = new LetterRenderer();

    record Expected(String language, Map<LetterKind, String> titles, Map<LetterKind, String> consequences,
                    List<String> amounts, String payBy, String referenceLabel) {
    }

    static final List<Expected> LANGUAGES = List.of(
            new Expected("nb", Map.of(FRIENDLY_NOTICE, "Vennlig påminnelse om forfall", REMINDER, "Purring",
                    NOTICE, "Inkassovarsel", PAYMENT_DEMAND, "Betalingsoppfordring"), Map.of(
                    FRIENDLY_NOTICE, "Betaler du innen forfallsdagen, får du ingen purring.",
                    REMINDER, "Betaler du ikke innen 24.03.2026, kan vi sende et inkassovarsel",
                    NOTICE, "Betaler du ikke innen 24.03.2026, vil kravet bli sendt til inkasso",
                    PAYMENT_DEMAND, "Betaler du ikke innen 24.03.2026, kan kravet bli inndrevet rettslig"),
                    List.of("12 345,50 NOK", "35,00 NOK", "38,00 NOK", "105,53 NOK", "33,56 NOK", "460,00 NOK",
                            "13 017,59 NOK", "03.02.2026–28.02.2026: 26 dager, 12,00 % per år av 12 345,50 NOK",
                            "01.03.2026–10.03.2026: 10 dager, 12,25 % per år av 10 000,00 NOK"),
                    "24.03.2026", "KID/referanse"),
            new Expected("da", Map.of(FRIENDLY_NOTICE, "Venlig påmindelse om forfald", REMINDER, "Rykker",
                    NOTICE, "Inkassovarsel (påkrav efter inkassolovens § 10)", PAYMENT_DEMAND, "Betalingsopfordring"), Map.of(
                    FRIENDLY_NOTICE, "Betaler du senest på forfaldsdagen, får du ingen rykker.",
                    REMINDER, "Betaler du ikke senest 24.03.2026, kan vi sende en ny rykker eller et inkassovarsel",
                    NOTICE, "Betaler du ikke senest 24.03.2026, bliver kravet sendt til inkasso",
                    PAYMENT_DEMAND, "Betaler du ikke senest 24.03.2026, kan kravet blive inddrevet ad rettens vej"),
                    List.of("12.345,50 NOK", "35,00 NOK", "38,00 NOK", "105,53 NOK", "33,56 NOK", "460,00 NOK",
                            "13.017,59 NOK", "03.02.2026–28.02.2026: 26 dage, 12,00 % p.a. af 12.345,50 NOK",
                            "01.03.2026–10.03.2026: 10 dage, 12,25 % p.a. af 10.000,00 NOK"),
                    "24.03.2026", "Betalingsreference"),
            new Expected("sv", Map.of(FRIENDLY_NOTICE, "Vänlig påminnelse om förfallodag", REMINDER, "Betalningspåminnelse",
                    NOTICE, "Inkassokrav", PAYMENT_DEMAND, "Betalningsuppmaning"), Map.of(
                    FRIENDLY_NOTICE, "Betalar du senast på förfallodagen får du ingen påminnelse.",
                    REMINDER, "Betalar du inte senast 2026-03-24 kan vi skicka ett inkassokrav",
                    NOTICE, "Betalar du inte senast 2026-03-24 och inte heller invänder mot kravet, går det vidare till inkasso",
                    PAYMENT_DEMAND, "Betalar du inte senast 2026-03-24 kan kravet drivas in rättsligt"),
                    List.of("12 345,50 NOK", "35,00 NOK", "38,00 NOK", "105,53 NOK", "33,56 NOK", "460,00 NOK",
                            "13 017,59 NOK", "2026-02-03–2026-02-28: 26 dagar, 12,00 % per år på 12 345,50 NOK",
                            "2026-03-01–2026-03-10: 10 dagar, 12,25 % per år på 10 000,00 NOK"),
                    "2026-03-24", "OCR/referens"),
            new Expected("fi", Map.of(FRIENDLY_NOTICE, "Ystävällinen muistutus eräpäivästä", REMINDER, "Maksumuistutus",
                    NOTICE, "Maksukehotus", PAYMENT_DEMAND, "Maksuvaatimus"), Map.of(
                    FRIENDLY_NOTICE, "Kun maksat viimeistään eräpäivänä, et saa maksumuistutusta.",
                    REMINDER, "Jos et maksa viimeistään 24.3.2026, voimme lähettää maksukehotuksen",
                    NOTICE, "Jos et maksa viimeistään 24.3.2026, saatava siirretään perintään",
                    PAYMENT_DEMAND, "Jos et maksa viimeistään 24.3.2026, saatava voidaan periä oikeusteitse"),
                    List.of("12 345,50 NOK", "35,00 NOK", "38,00 NOK", "105,53 NOK", "33,56 NOK", "460,00 NOK",
                            "13 017,59 NOK", "3.2.2026–28.2.2026: 26 päivää, 12,00 % vuodessa pääomasta 12 345,50 NOK",
                            "1.3.2026–10.3.2026: 10 päivää, 12,25 % vuodessa pääomasta 10 000,00 NOK"),
                    "24.3.2026", "Viitenumero"),
            new Expected("en", Map.of(FRIENDLY_NOTICE, "Friendly note: invoice due soon", REMINDER, "Payment reminder",
                    NOTICE, "Collection notice", PAYMENT_DEMAND, "Payment demand"), Map.of(
                    FRIENDLY_NOTICE, "If you pay by the due date, you will receive no reminder.",
                    REMINDER, "If you do not pay by 24 March 2026, we may send a collection notice",
                    NOTICE, "If you do not pay by 24 March 2026, collection of the claim will start",
                    PAYMENT_DEMAND, "If you do not pay by 24 March 2026, the claim may be enforced through the courts"),
                    List.of("12,345.50 NOK", "35.00 NOK", "38.00 NOK", "105.53 NOK", "33.56 NOK", "460.00 NOK",
                            "13,017.59 NOK", "3 February 2026–28 February 2026: 26 days at 12.00 % a year on 12,345.50 NOK",
                            "1 March 2026–10 March 2026: 10 days at 12.25 % a year on 10,000.00 NOK"),
                    "24 March 2026", "Payment reference"));

    static Stream<Arguments> everyLanguageAndKind() {
        return LANGUAGES.stream().flatMap(expected -> Arrays.stream(LetterKind.values())
                .map(kind -> Arguments.of(expected.language(), kind, expected)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyLanguageAndKind")
    void everyLanguageAndKindSaysWhatTheLetterMustSay(String language, LetterKind kind, Expected expected) {
        String text = PdfText.of(RENDERER.render(letter(kind, language)));

        assertThat(text).contains(expected.titles().get(kind), expected.consequences().get(kind), expected.payBy());
        assertThat(text).contains(expected.amounts());
        assertThat(text).contains(expected.referenceLabel() + " 1234567897", "1503.12.34567", "INV-2026-0042");
        assertThat(text).contains("Fjordkraft Øst AS", "Åse Ødegård Ähtäri");
    }
}
