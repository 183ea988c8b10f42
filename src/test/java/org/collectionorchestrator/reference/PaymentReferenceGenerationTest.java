package org.collectionorchestrator.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentReferenceGenerationTest {

    /** Worked examples of domain.md §3 and rows of the shared payment-references samples, read as base + length. */
    @ParameterizedTest(name = "{0} {1} (length {2}) -> {3}")
    @CsvSource({
        // domain.md §3
        "NO_KID_MOD10,  1234,          5,  12344",
        "NO_KID_MOD10,  12345678,      9,  123456782",
        "NO_KID_MOD10,  2707841373001170, 17, 27078413730011702",
        "NO_KID_MOD11,  1234,          5,  12343",
        "NO_KID_MOD11,  12345678,      9,  123456785",
        "NO_KID_MOD11,  1000000,       8,  10000009",
        "SE_OCR,        123,           4,  1230",
        "SE_OCR,        1234567890,    11, 12345678903",
        "SE_OCR_LENGTH, 123,           5,  12351",
        "SE_OCR_LENGTH, 12345678,      10, 1234567806",
        "DK_FIK71,      1,             0,  000000000000018",
        "DK_FIK71,      2,             0,  000000000000026",
        "DK_FIK71,      12345678901234, 0, 123456789012347",
        "FI_REF,        123,           0,  1232",
        "FI_REF,        1234567,       0,  12345672",
        "FI_REF,        1000001234,    0,  10000012347",
        "RF,            539007547034,  0,  RF18539007547034",
        "RF,            1234512345,    0,  RF451234512345",
        "RF,            AB2G5,         0,  RF68AB2G5",
        "RF,            12345672,      0,  RF8512345672",
        // shared samples (payment-references.csv), verdict true
        "NO_KID_MOD10,  234567,        7,  2345676",
        "NO_KID_MOD10,  123,           10, 0000001230",
        "NO_KID_MOD10,  1234,          10, 0000012344",
        "NO_KID_MOD10,  0,             2,  00",
        "NO_KID_MOD10,  10000192823,   12, 100001928231",
        "NO_KID_MOD11,  123,           10, 0000001236",
        "NO_KID_MOD11,  1234,          10, 0000012343",
        "NO_KID_MOD11,  31,            3,  310",
        "NO_KID_MOD11,  036532,        7,  0365327",
        "SE_OCR,        163691,        7,  1636919",
        "SE_OCR,        456,           4,  4564",
        "SE_OCR_LENGTH, 1234567890,    12, 123456789023",
        "SE_OCR_LENGTH, 12345678900,   13, 1234567890037",
        "SE_OCR_LENGTH, 1230,          6,  123067",
        "SE_OCR_LENGTH, 4560,          6,  456061",
        "DK_FIK71,      2684014996532, 0,  026840149965328",
        "FI_REF,        123456,        0,  1234561",
        "FI_REF,        151189065,     0,  1511890656",
        "FI_REF,        390,           0,  3900",
        "FI_REF,        4321,          0,  43216",
        "RF,            1234561,       0,  RF341234561",
        "RF,            5390075470Y,   0,  RF185390075470Y",
        "RF,            P,             0,  RF08P",
        "RF,            9,             0,  RF529",
        "RF,            7,             0,  RF097",
    })
    void generatesTheKnownReference(PaymentReferenceScheme scheme, String base, int length, String expected) {
        assertThat(PaymentReferences.generate(scheme, base, length)).contains(expected);
        assertThat(scheme.isValid(expected)).isTrue();
    }

    @ParameterizedTest(name = "{0} (length {1}) is never issued")
    @CsvSource({
        "104,     4",   // domain.md §3: 104-
        "40,      3",   // samples: 40-
        "036536,  7",   // samples: 036536-
        "1000005, 8",   // samples: 1000005-
    })
    void aMod11BaseWhoseCheckWouldBeMinusGivesNothing(String base, int length) {
        assertThat(PaymentReferences.generate(PaymentReferenceScheme.NO_KID_MOD11, base, length)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PaymentReferenceScheme.class)
    void everyGeneratedReferenceIsValidAndNoTwoBasesShareOne(PaymentReferenceScheme scheme) {
        for (int length : new int[] {4, 10, 25}) {
            Set<String> issued = new HashSet<>();
            long skipped = 0;
            for (long base = 0; base < 99; base++) {
                var reference = PaymentReferences.generate(scheme, base, length);
                if (reference.isEmpty()) {
                    skipped++;
                    continue;
                }
                String value = reference.get();
                assertThat(scheme.isValid(value)).as("%s base %d length %d: %s", scheme, base, length, value).isTrue();
                assertThat(PaymentReferences.recognise(value, countryOf(scheme))).as(value).isPresent();
                if (PaymentReferences.hasConfigurableLength(scheme)) {
                    assertThat(value).hasSize(length);
                }
                issued.add(value);
            }
            assertThat(issued).hasSize((int) (99 - skipped));
            assertThat(skipped).isLessThan(20);
        }
    }

    @Test
    void theLargestBasesFitTheLongestReferences() {
        String base24 = "9".repeat(24);
        assertThat(PaymentReferences.generate(PaymentReferenceScheme.NO_KID_MOD10, base24, 25)).get()
                .satisfies(v -> assertThat(PaymentReferenceScheme.NO_KID_MOD10.isValid(v)).isTrue());
        assertThat(PaymentReferences.generate(PaymentReferenceScheme.SE_OCR_LENGTH, "9".repeat(23), 25)).get()
                .satisfies(v -> assertThat(PaymentReferenceScheme.SE_OCR_LENGTH.isValid(v)).isTrue());
        assertThat(PaymentReferences.generate(PaymentReferenceScheme.FI_REF, "9".repeat(19), 0)).get()
                .satisfies(v -> assertThat(PaymentReferenceScheme.FI_REF.isValid(v)).isTrue());
        assertThat(PaymentReferences.generate(PaymentReferenceScheme.RF, Long.MAX_VALUE, 0)).get()
                .satisfies(v -> assertThat(PaymentReferenceScheme.RF.isValid(v)).isTrue());
    }

    @Test
    void aBaseThatDoesNotFitOrALengthOutOfRangeIsRefused() {
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.NO_KID_MOD10, 12345, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.NO_KID_MOD10, 1, 26))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.NO_KID_MOD10, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.SE_OCR_LENGTH, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.DK_FIK71, "123456789012345", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.FI_REF, "9".repeat(20), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.RF, "A".repeat(22), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.RF, "AB-1", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.SE_OCR, "12a", 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReferences.generate(PaymentReferenceScheme.SE_OCR, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCountryIssuesItsOwnSchemesAndRf() {
        assertThat(PaymentReferences.schemesFor("NO")).containsExactly(PaymentReferenceScheme.NO_KID_MOD10,
                PaymentReferenceScheme.NO_KID_MOD11, PaymentReferenceScheme.RF);
        assertThat(PaymentReferences.schemesFor("SE")).containsExactly(PaymentReferenceScheme.SE_OCR_LENGTH,
                PaymentReferenceScheme.SE_OCR, PaymentReferenceScheme.RF);
        assertThat(PaymentReferences.schemesFor("dk")).containsExactly(PaymentReferenceScheme.DK_FIK71, PaymentReferenceScheme.RF);
        assertThat(PaymentReferences.schemesFor("FI")).containsExactly(PaymentReferenceScheme.FI_REF, PaymentReferenceScheme.RF);
    }

    private static String countryOf(PaymentReferenceScheme scheme) {
        return switch (scheme) {
            case NO_KID_MOD10, NO_KID_MOD11 -> "NO";
            case SE_OCR, SE_OCR_LENGTH -> "SE";
            case DK_FIK71 -> "DK";
            case FI_REF, RF -> "FI";
        };
    }
}
