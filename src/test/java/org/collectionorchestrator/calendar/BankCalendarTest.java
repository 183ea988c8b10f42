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
}
