package org.collectionorchestrator.creditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.InvalidRequestException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditorBankingTest {

    private static final Currency NOK = Currency.getInstance("NOK");
    private static final Currency EUR = Currency.getInstance("EUR");

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(nullValues = "NONE", value = {
        "NO, NO_KID_MOD10,  10",
        "SE, SE_OCR_LENGTH, 10",
        "DK, DK_FIK71,      NONE",
        "FI, FI_REF,        NONE",
    })
    void eachCountryHasItsDefaultScheme(Country country, PaymentReferenceScheme scheme, Integer length) {
        CreditorBanking banking = new BankingBody(null, null, null, null).toBanking(country, NOK);

        assertThat(banking).isEqualTo(CreditorBanking.defaultFor(country));
        assertThat(banking.referenceScheme()).isEqualTo(scheme);
        assertThat(banking.referenceLength()).isEqualTo(length);
        assertThat(banking.referenceTarget()).isEqualTo(ReferenceTarget.INVOICE);
        assertThat(banking.bankAccounts()).isEmpty();
    }

    @Test
    void accountsAreStoredNormalisedWithTheCreditorsCurrencyByDefault() {
        CreditorBanking banking = new BankingBody(PaymentReferenceScheme.NO_KID_MOD11, 12, ReferenceTarget.CUSTOMER, List.of(
                new BankingBody.Account("no93 8601 1117 947", null),
                new BankingBody.Account("1503.12.34567", null),
                new BankingBody.Account("FI21 1234 5600 0007 85", "EUR"))).toBanking(Country.NO, NOK);

        assertThat(banking.bankAccounts()).containsExactly(new BankAccount("NO9386011117947", NOK),
                new BankAccount("15031234567", NOK), new BankAccount("FI2112345600000785", EUR));
        assertThat(banking.referenceLength()).isEqualTo(12);
        assertThat(banking.referenceTarget()).isEqualTo(ReferenceTarget.CUSTOMER);
    }

    @Test
    void aCreditorOwnsAnAccountHoweverItIsWritten() {
        Creditor creditor = new Creditor("c", "C AS", Country.NO, NOK, "nb", ZoneId.of("Europe/Oslo"), CreditorPolicy.DEFAULT,
                new CreditorBanking(PaymentReferenceScheme.RF, null, ReferenceTarget.INVOICE,
                        List.of(new BankAccount("NO9386011117947", NOK), new BankAccount("15031234567", NOK))));

        assertThat(creditor.ownsAccount("NO93 8601 1117 947")).contains(new BankAccount("NO9386011117947", NOK));
        assertThat(creditor.ownsAccount("no9386011117947")).isPresent();
        assertThat(creditor.ownsAccount("1503.12.34567")).contains(new BankAccount("15031234567", NOK));
        assertThat(creditor.ownsAccount("NO9386011117948")).isEmpty();
        assertThat(creditor.ownsAccount(null)).isEmpty();
        assertThat(creditor.ownsAccount("")).isEmpty();
    }

    @Test
    void aCreditorMadeWithoutBankingGetsItsCountrysDefault() {
        Creditor creditor = new Creditor("c", "C Oy", Country.FI, EUR, "fi", ZoneId.of("Europe/Helsinki"), CreditorPolicy.DEFAULT);
        assertThat(creditor.banking()).isEqualTo(CreditorBanking.defaultFor(Country.FI));
        assertThat(creditor.ownsAccount("FI2112345600000785")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "a KID in Finland              | FI | NO_KID_MOD10  | NONE | NONE                      | NONE | banking.referenceScheme",
        "a FIK in Sweden               | SE | DK_FIK71      | NONE | NONE                      | NONE | banking.referenceScheme",
        "a KID too short               | NO | NO_KID_MOD10  | 5    | NONE                      | NONE | banking.referenceLength",
        "a KID too long                | NO | NO_KID_MOD10  | 26   | NONE                      | NONE | banking.referenceLength",
        "a length for a FIK            | DK | DK_FIK71      | 15   | NONE                      | NONE | banking.referenceLength",
        "a length for RF               | NO | RF            | 10   | NONE                      | NONE | banking.referenceLength",
        "an IBAN with a bad check      | NO | NONE          | NONE | NO9386011117948           | NONE | banking.bankAccounts[0].account",
        "an IBAN of unknown country    | NO | NONE          | NONE | XX9386011117947           | NONE | banking.bankAccounts[0].account",
        "an IBAN too short             | NO | NONE          | NONE | NO938601111794            | NONE | banking.bankAccounts[0].account",
        "a national number too short   | NO | NONE          | NONE | 1234                      | NONE | banking.bankAccounts[0].account",
        "a national number too long    | NO | NONE          | NONE | 12345678901234567890123456789012345 | NONE | banking.bankAccounts[0].account",
        "letters inside a number       | NO | NONE          | NONE | 1503A234567               | NONE | banking.bankAccounts[0].account",
        "a blank account               | NO | NONE          | NONE | ' . '                     | NONE | banking.bankAccounts[0].account",
        "an unknown currency           | NO | NONE          | NONE | 15031234567               | XXY  | banking.bankAccounts[0].currency",
    })
    void aBadSettingIsAProblemNamingItsField(String name, Country country, PaymentReferenceScheme scheme, Integer length,
                                             String account, String currency, String field) {
        BankingBody body = new BankingBody(scheme, length, null,
                account == null ? null : List.of(new BankingBody.Account(account, currency)));

        assertThatThrownBy(() -> body.toBanking(country, NOK))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                        .extracting(FieldProblem::field).containsExactly(field));
    }

    @Test
    void theSameAccountTwiceIsAProblemOnTheSecond() {
        BankingBody body = new BankingBody(null, null, null, List.of(new BankingBody.Account("15031234567", null),
                new BankingBody.Account("1503 12 34567", null)));

        assertThatThrownBy(() -> body.toBanking(Country.NO, NOK))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                        .extracting(FieldProblem::field).containsExactly("banking.bankAccounts[1].account"));
    }

    @Test
    void rfIsAllowedEverywhere() {
        for (Country country : Country.values()) {
            assertThat(new BankingBody(PaymentReferenceScheme.RF, null, null, null).toBanking(country, NOK).referenceScheme())
                    .isEqualTo(PaymentReferenceScheme.RF);
        }
    }
}
