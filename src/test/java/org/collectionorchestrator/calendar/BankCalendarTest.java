package org.collectionorchestrator.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.collectionorchestrator.creditor.Country;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankCalendarTest {

    private final BankCalendar calendar = new BankCalendar();

    @ParameterizedTest(name = "{0}: due {1} -> late from {2}")
    @CsvSource({
            // an ordinary Wednesday
            "NO, 2026-11-18, 2026-11-19",
            // a Saturday: pay by Monday, late from Tuesday
            "SE, 2026-11-21, 2026-11-24",
            // Christmas Day (Friday) and the weekend: late from Tuesday 29 December
            "DK, 2026-12-25, 2026-12-29",
            "NO, 2026-12-25, 2026-12-29",
            // Easter Monday 2027 (29 March) in all four countries
            "FI, 2027-03-29, 2027-03-31",
            "SE, 2027-03-29, 2027-03-31",
            // Ascension Day 2027 (Thursday 6 May)
            "DK, 2027-05-06, 2027-05-08",
            // Norway's Constitution Day 2027 is a Monday
            "NO, 2027-05-17, 2027-05-19",
            // Finland's Independence Day 2027 is a Monday
            "FI, 2027-12-06, 2027-12-08",
    })
    void anInvoiceIsLateTheDayAfterItsDueDateMovedToABankingDay(Country country, LocalDate due, LocalDate lateFrom) {
        assertThat(calendar.firstDayOverdue(country, due)).isEqualTo(lateFrom);
    }

    @ParameterizedTest(name = "{0} {1} banking day: {2}")
    @CsvSource({
            "NO, 2027-05-17, false",
            "SE, 2027-05-17, true",
            "SE, 2027-06-06, false",
            "FI, 2027-12-06, false",
            "DK, 2027-12-06, true",
            "NO, 2026-11-23, true",
            "NO, 2026-11-22, false",
    })
    void knowsEachCountrysHolidays(Country country, LocalDate date, boolean bankingDay) {
        assertThat(calendar.isBankingDay(country, date)).isEqualTo(bankingDay);
    }

    @ParameterizedTest(name = "{0} {1} banking day: {2}")
    @CsvSource({
            // banks close on 24 and 31 December in all four countries (Thursdays in 2026)
            "NO, 2026-12-23, true",
            "NO, 2026-12-24, false",
            "DK, 2026-12-24, false",
            "SE, 2026-12-24, false",
            "FI, 2026-12-24, false",
            "NO, 2026-12-31, false",
            "DK, 2026-12-31, false",
            "SE, 2026-12-31, false",
            "FI, 2026-12-31, false",
            // Midsummer Eve, the Friday between 19 and 25 June: 19 June 2026, 25 June 2027 (SE, FI only)
            "SE, 2026-06-19, false",
            "FI, 2026-06-19, false",
            "NO, 2026-06-19, true",
            "DK, 2026-06-19, true",
            "SE, 2026-06-26, true",
            "SE, 2027-06-25, false",
            "FI, 2027-06-18, true",
    })
    void banksAreClosedOnChristmasEveNewYearsEveAndMidsummerEve(Country country, LocalDate date, boolean bankingDay) {
        assertThat(calendar.isBankingDay(country, date)).isEqualTo(bankingDay);
    }

    @ParameterizedTest(name = "{0} {1} + {2} banking days = {3}")
    @CsvSource({
            // Easter 2026: Maundy Thursday 2 April (NO, DK), Good Friday 3 April, Easter Monday 6 April
            "NO, 2026-04-01, 1, 2026-04-07",
            "NO, 2026-04-01, 2, 2026-04-08",
            "DK, 2026-04-01, 1, 2026-04-07",
            "SE, 2026-04-01, 1, 2026-04-02",
            "SE, 2026-04-01, 2, 2026-04-07",
            "FI, 2026-04-01, 2, 2026-04-07",
            "NO, 2026-04-07, -1, 2026-04-01",
            "NO, 2026-04-04, 0, 2026-04-04",
            // Christmas: 24, 25, 26 (Saturday) December 2026 and the Sunday
            "NO, 2026-12-23, 1, 2026-12-28",
            "SE, 2026-12-30, 1, 2027-01-04",
    })
    void plusBankingDaysSkipsHolidaysAndClosingDays(Country country, LocalDate date, int days, LocalDate expected) {
        assertThat(calendar.plusBankingDays(country, date, days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: due {1} -> late from {2}")
    @CsvSource({
            "NO, 2026-12-24, 2026-12-29",
            "FI, 2026-06-19, 2026-06-23",
    })
    void anInvoiceDueOnABankClosingDayIsLateAfterTheNextBankingDay(Country country, LocalDate due, LocalDate lateFrom) {
        assertThat(calendar.firstDayOverdue(country, due)).isEqualTo(lateFrom);
    }
}
