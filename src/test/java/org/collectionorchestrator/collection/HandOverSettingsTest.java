package org.collectionorchestrator.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The next review day and time, in the creditor's zone. */
class HandOverSettingsTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private final HandOverSettings monday8 = new HandOverSettings("acme", DayOfWeek.MONDAY, LocalTime.of(8, 0),
            Duration.ofDays(3), null);

    @Test
    void laterTheSameDayIsToday() {
        ZonedDateTime mondayMorning = ZonedDateTime.of(2026, 11, 30, 7, 59, 0, 0, OSLO);
        assertThat(monday8.nextReviewAfter(mondayMorning, OSLO)).isEqualTo(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, OSLO));
    }

    @Test
    void atOrAfterTheTimeItIsNextWeek() {
        ZonedDateTime mondayAtEight = ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, OSLO);
        assertThat(monday8.nextReviewAfter(mondayAtEight, OSLO)).isEqualTo(ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, OSLO));
    }

    @Test
    void theCreditorsZoneDecidesTheDay() {
        // Sunday 23:30 UTC is Monday 00:30 in Oslo (winter): the review is that Monday at 08:00 Oslo time
        ZonedDateTime sundayNightUtc = ZonedDateTime.of(2026, 11, 29, 23, 30, 0, 0, ZoneId.of("UTC"));
        assertThat(monday8.nextReviewAfter(sundayNightUtc, OSLO)).isEqualTo(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, OSLO));
    }

    @Test
    void summerTimeKeepsTheLocalTime() {
        ZonedDateTime friday = ZonedDateTime.of(2027, 3, 26, 12, 0, 0, 0, OSLO); // clocks go forward on 28 March
        assertThat(monday8.nextReviewAfter(friday, OSLO).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(monday8.nextReviewAfter(friday, OSLO).getOffset().getTotalSeconds()).isEqualTo(7200);
    }
}
