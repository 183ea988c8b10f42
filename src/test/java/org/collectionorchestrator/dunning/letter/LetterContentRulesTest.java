package org.collectionorchestrator.dunning.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collectionorchestrator.dunning.letter.LetterFixtures.letter;
import static org.collectionorchestrator.dunning.letter.LetterFixtures.nok;
import static org.collectionorchestrator.dunning.letter.LetterFixtures.of;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a letter says or leaves out depending on its content, the creditor's country and the law in force. */
class LetterContentRulesTest {

    private static final LetterRenderer RENDERER = new LetterRenderer();
    private static final String PAID_IN_TIME = "Du har betalt i tide dersom banken din har mottatt betalingsoppdraget senest 24.03.2026.";
    private static final String NO_FEE = "Det beregnes ikke gebyr for dette varselet.";

    @Test
    void aNorwegianNoticeSaysPaymentIsInTimeIfTheBankReceivedTheOrderByTheDeadline() {
        assertThat(text(letter(LetterKind.NOTICE, "nb"))).contains(PAID_IN_TIME,
                "vil kravet bli sendt til inkasso");
        assertThat(text(letter(LetterKind.NOTICE, "en"))).contains(
                "You have paid in time if your bank received the payment order no later than 24 March 2026.");
    }

    @Test
    void theNorwegianSentenceIsForNoticesOfNorwegianCreditorsOnly() {
        assertThat(text(letter(LetterKind.REMINDER, "nb"))).doesNotContain(PAID_IN_TIME);
        assertThat(text(of(LetterKind.NOTICE, "nb").with(l -> l.creditorCountry = "DK").build()))
                .doesNotContain(PAID_IN_TIME);
    }

    @Test
    void underTheNewNorwegianActTheCreditorsOwnNoticeSaysItCarriesNoFee() {
        LetterFixtures notice = of(LetterKind.NOTICE, "nb").with(l -> l.feeThisLetter = nok("0.00"));

        assertThat(text(notice.build())).doesNotContain(NO_FEE);
        assertThat(text(notice.with(l -> l.newAct = true).build())).contains(NO_FEE, PAID_IN_TIME);
        assertThat(text(of(LetterKind.NOTICE, "nb").with(l -> l.newAct = true).build()))
                .as("a letter with a fee never says it has none").doesNotContain(NO_FEE);
        assertThat(text(of(LetterKind.REMINDER, "nb").with(l -> l.newAct = true).with(l -> l.feeThisLetter = nok("0.00"))
                .build())).doesNotContain(NO_FEE);
    }

    @Test
    void feesInterestAndCompensationAppearOnlyWhenCharged() {
        Money zero = nok("0.00");
        LetterContent bare = of(LetterKind.REMINDER, "en").with(l -> {
            l.feesEarlier = zero;
            l.feeThisLetter = zero;
            l.interest = zero;
            l.interestLines = List.of();
            l.compensation = zero;
            l.creditorAccount = null;
            l.paymentReference = null;
        }).build();

        String text = text(bare);

        assertThat(text).contains("Invoice amount (principal) 12,345.50 NOK", "Total to pay 12,345.50 NOK")
                .doesNotContain("Fee", "interest 0", "Late-payment interest", "compensation", "Account");
        assertThat(text).as("without a payment reference the debtor pays with the invoice number")
                .contains("Payment reference INV-2026-0042");
    }

    @Test
    void interestWithoutLinesIsOneRow() {
        LetterContent oneRow = of(LetterKind.REMINDER, "en").with(l -> l.interestLines = List.of()).build();

        assertThat(text(oneRow)).contains("Late-payment interest 139.09 NOK").doesNotContain("days at");
    }

    @Test
    void textIsEscapedNotReadAsMarkup() {
        LetterContent hostile = customer(LetterKind.REMINDER, "en",
                "Smith & <b>Sons</b> \"Ltd\" 'x' </td></tr></table><h1>Paid</h1>");

        String xhtml = LetterXhtml.of(hostile, LetterTexts.load("en"));
        String text = text(hostile);

        assertThat(xhtml).contains("Smith &amp; &lt;b&gt;Sons&lt;/b&gt; &quot;Ltd&quot; &#39;x&#39; &lt;/td&gt;");
        assertThat(text).contains("Smith & <b>Sons</b> \"Ltd\" 'x' </td></tr></table><h1>Paid</h1>");
    }

    @Test
    void controlCharactersXmlCannotCarryAreDroppedInsteadOfBreakingTheLetter() {
        assertThat(text(customer(LetterKind.REMINDER, "en", "Ola\u0000 Nord\u001Bmann")))
                .contains("To: Ola Nordmann");
    }

    @Test
    void lettersEmbedTheirFontSoNamesBeyondTheStandardFontsRender() throws IOException {
        byte[] pdf = RENDERER.render(customer(LetterKind.REMINDER, "fi", "Łukasz Čapek, Áŋŋá Sárá"));

        assertThat(PdfText.of(pdf)).contains("Łukasz Čapek, Áŋŋá Sárá", "Eräpäivä");
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
        }
        assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"nb,nb", "no,nb", "nn,nb", "NB-no,nb", "da,da", "sv_SE,sv", "fi,fi",
            "en,en", "de,en", "'',en", "null,en"})
    void aLetterIsWrittenInNorwegianBokmalDanishSwedishFinnishOrElseEnglish(String requested, String written) {
        assertThat(LetterRenderer.languageOf(requested)).isEqualTo(written);
    }

    @Test
    void everyLanguageHasEveryTextTheEnglishHas() throws IOException {
        Properties english = properties("en");
        for (String language : LetterTexts.LANGUAGES) {
            assertThat(properties(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    private static Properties properties(String language) throws IOException {
        Properties properties = new Properties();
        try (var in = LetterContentRulesTest.class.getResourceAsStream("/letters/text_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static LetterContent customer(LetterKind kind, String language, String name) {
        return of(kind, language).with(l -> l.customerName = name).build();
    }

    private static String text(LetterContent content) {
        return PdfText.of(RENDERER.render(content));
    }
}
