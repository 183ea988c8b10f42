package org.collectionorchestrator.collection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a creditor's weekly hand-over review opens (day and time in the creditor's zone), how long staff have to stop
 * invoices before the list is approved as it stands, and who is emailed when the list is ready.
 */
public record HandOverSettings(String creditorId, DayOfWeek reviewDay, LocalTime reviewTime, Duration approvalWindow,
                               String notifyEmail) {

    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(3);

    /** The next review strictly after {@code now}, in the creditor's zone. */
    public ZonedDateTime nextReviewAfter(ZonedDateTime now, ZoneId zone) {
        ZonedDateTime local = now.withZoneSameInstant(zone);
        LocalDate day = local.toLocalDate().with(TemporalAdjusters.nextOrSame(reviewDay));
        ZonedDateTime candidate = day.atTime(reviewTime).atZone(zone);
        return candidate.isAfter(local) ? candidate : day.plusWeeks(1).atTime(reviewTime).atZone(zone);
    }
}
