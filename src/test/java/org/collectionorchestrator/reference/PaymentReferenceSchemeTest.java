package org.collectionorchestrator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Check-digit verdicts per scheme. {@code payment-references/vectors.csv} holds, in this order: the scheme, value and
 * verdict of every row of the shared real-world samples (published test suites and official samples); the worked and
 * valid examples of domain.md §3; and boundary cases and one-character-changed negatives computed for this project.
 */
class PaymentReferenceSchemeTest {

    @ParameterizedTest(name = "{0} \"{1}\" valid={2}")
    @CsvFileSource(resources = "/payment-references/vectors.csv", numLinesToSkip = 1)
    void checksVector(PaymentReferenceScheme scheme, String value, boolean valid) {
        assertThat(scheme.isValid(PaymentReferences.normalize(value))).isEqualTo(valid);
    }

    @ParameterizedTest
    @EnumSource(PaymentReferenceScheme.class)
    void nullAndEmptyAreInvalid(PaymentReferenceScheme scheme) {
        assertThat(scheme.isValid(null)).isFalse();
        assertThat(scheme.isValid("")).isFalse();
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource({
        "NO_KID_MOD10, 1234 4",
        "NO_KID_MOD11, ' 12343'",
        "SE_OCR, 123\t0",
        "FI_REF, 12345 672",
        "RF, rf451234512345",
        "DK_FIK71, 71/000000000000018",
    })
    void expectsNormalisedInput(PaymentReferenceScheme scheme, String notNormalised) {
        assertThat(scheme.isValid(notNormalised)).isFalse();
        assertThat(scheme.isValid(PaymentReferences.normalize(notNormalised))).isTrue();
    }

    @Test
    void acceptsOnlyAsciiDigits() {
        // 12344 in Arabic-Indic and full-width digits: Character.isDigit would accept them
        assertThat(PaymentReferenceScheme.NO_KID_MOD10.isValid("\u0661\u0662\u0663\u0664\u0664")).isFalse();
        assertThat(PaymentReferenceScheme.FI_REF.isValid("\uFF11\uFF12\uFF13\uFF12")).isFalse();
    }

    @Test
    void kidMod11AcceptsMinusCheckCharacterOnlyWhereRemainderIsTen() {
        assertThat(PaymentReferenceScheme.NO_KID_MOD11.isValid("104-")).isTrue();
        assertThat(PaymentReferenceScheme.NO_KID_MOD11.isValid("1040")).isFalse();
        assertThat(PaymentReferenceScheme.NO_KID_MOD11.isValid("1234-")).isFalse();
        assertThat(PaymentReferenceScheme.NO_KID_MOD11.isValid("-")).isFalse();
        assertThat(PaymentReferenceScheme.NO_KID_MOD11.isValid("1-0-")).isFalse();
    }

    @Test
    void rfCheckDigitsOutsideTwoToNinetyEightAreInvalidEvenWhenModulusMatches() {
        // RF97C2H5OH is valid, so its remainder test also holds with 00 in place of 97 (97 ≡ 0 mod 97)
        assertThat(PaymentReferenceScheme.RF.isValid("RF97C2H5OH")).isTrue();
        assertThat(PaymentReferenceScheme.RF.isValid("RF00C2H5OH")).isFalse();
        assertThat(PaymentReferenceScheme.RF.isValid("RF9A12345")).isFalse();
        assertThat(PaymentReferenceScheme.RF.isValid("RF18-539007547034")).isFalse();
    }
}
