package org.collectionorchestrator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentReferencesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "  12344 |12344",
        "12345 672|12345672",
        "55958 22432 94671|559582243294671",
        "RF18 5390 0754 7034|RF18539007547034",
        "rf68ab2g5|RF68AB2G5",
        "1000005-|1000005-",
        "+71< 000000000000018 +81234567<|000000000000018",
        "+71<000000000000018+81234567<|000000000000018",
        "+71<000000000000018<|000000000000018",
        "71/106548702380495|106548702380495",
        "+75<1234567890123456+81234567<|+75<1234567890123456+81234567<",
        "1234-5678|1234-5678",
    })
    void normalizes(String raw, String normalized) {
        assertThat(PaymentReferences.normalize(raw)).isEqualTo(normalized);
    }

    @Test
    void normalizesTabsNoBreakSpacesAndNull() {
        assertThat(PaymentReferences.normalize("\t12345\u00A0672\u202F\n")).isEqualTo("12345672");
        assertThat(PaymentReferences.normalize(null)).isEmpty();
        assertThat(PaymentReferences.normalize("   ")).isEmpty();
    }

    @ParameterizedTest(name = "{1}: \"{0}\" -> {2}")
    @CsvSource(nullValues = "NONE", value = {
        // NO: MOD10 before MOD11
        "12344,                 NO, NO_KID_MOD10",
        "12343,                 NO, NO_KID_MOD11",
        "1198,                  NO, NO_KID_MOD10",   // valid under both; MOD10 wins
        "1000005-,              NO, NO_KID_MOD11",   // '-' check character
        "0003434323213231,      NO, NONE",           // KID of the official EHF example invoice: neither
        "12345,                 NO, NONE",
        // SE: with length digit before plain Luhn
        "12351,                 SE, SE_OCR_LENGTH",
        "1202951008,            SE, SE_OCR_LENGTH",  // valid under both
        "1230,                  SE, SE_OCR",
        "1231,                  SE, NONE",
        // DK: 15-digit betalings-ID, bare or with the +71 card type
        "000000000000018,       DK, DK_FIK71",
        "71/106548702380495,    DK, DK_FIK71",
        "+71< 026840149965328 +81234567<, DK, DK_FIK71",
        "026840149965327,       DK, NONE",
        "12344,                 DK, NONE",
        // FI: 7-3-1, printed in groups of five
        "12345 672,             FI, FI_REF",
        "55958 22432 94671,     FI, FI_REF",
        "1232,                  FI, FI_REF",
        "12345 673,             FI, NONE",
        // a valid KID is not a Finnish reference, unless it happens to be valid there too
        "123456782,             FI, NONE",
        "12343,                 FI, NONE",
        "12344,                 FI, FI_REF",
        // a Finnish reference is not a KID unless its digits also pass Luhn or MOD11
        "12345672,              NO, NONE",
        "12345672,              SE, NONE",
        // country code is case-insensitive
        "12344,                 no, NO_KID_MOD10",
        "' 12351 ',             ' se ', SE_OCR_LENGTH",
    })
    void recognisesPerCountry(String raw, String country, PaymentReferenceScheme expected) {
        if (expected == null) {
            assertThat(PaymentReferences.recognise(raw, country)).isEmpty();
        } else {
            assertThat(PaymentReferences.recognise(raw, country)).contains(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO", "SE", "DK", "FI", "DE", ""})
    void acceptsRfInEveryCountry(String country) {
        assertThat(PaymentReferences.recognise("RF18 5390 0754 7034", country)).contains(PaymentReferenceScheme.RF);
        assertThat(PaymentReferences.recognise("rf8512345672", country)).contains(PaymentReferenceScheme.RF);
        assertThat(PaymentReferences.recognise("RF18000000000539007547034", country))
                .contains(PaymentReferenceScheme.RF);
        assertThat(PaymentReferences.recognise("RF17 5390 0754 7034", country)).isEmpty();
        assertThat(PaymentReferences.recognise("RF98123456789012", country)).isEmpty();
    }

    @Test
    void acceptsRfWithoutCountry() {
        assertThat(PaymentReferences.recognise("RF451234512345", null)).contains(PaymentReferenceScheme.RF);
        assertThat(PaymentReferences.recognise("12344", null)).isEmpty();
    }

    @Test
    void unsupportedCountryAcceptsOnlyRf() {
        assertThat(PaymentReferences.recognise("12344", "DE")).isEmpty();
        assertThat(PaymentReferences.recognise("12345672", "DE")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "\u00A0"})
    void nullOrBlankIsNotRecognised(String raw) {
        for (String country : new String[] {"NO", "SE", "DK", "FI"}) {
            assertThat(PaymentReferences.recognise(raw, country)).isEmpty();
        }
    }

    @Test
    void danishCardTypeFormIsOnlyAFik71() {
        // the 15 digits also pass Luhn, so bare they would be a Norwegian KID or Swedish OCR
        assertThat(PaymentReferences.recognise("000000000000018", "NO")).contains(PaymentReferenceScheme.NO_KID_MOD10);
        assertThat(PaymentReferences.recognise("71/000000000000018", "NO")).isEmpty();
        assertThat(PaymentReferences.recognise("+71<000000000000018+81234567<", "SE")).isEmpty();
        assertThat(PaymentReferences.recognise("+71<000000000000018+81234567<", "DK"))
                .contains(PaymentReferenceScheme.DK_FIK71);
        assertThat(PaymentReferences.recognise("+71<", "DK")).isEmpty();
    }

    @Test
    void otherDanishCardTypesAreNotFik71() {
        // +75 carries a 16-digit ID whose check algorithm is unconfirmed; +73 carries no ID at all
        assertThat(PaymentReferences.recognise("+75<1234567890123456+81234567<", "DK")).isEmpty();
        assertThat(PaymentReferences.recognise("+73<+81234567<", "DK")).isEmpty();
    }
}
