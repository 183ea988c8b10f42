package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.law.LawBook;
import org.collectionorchestrator.dunning.law.LawProperties;
import org.collectionorchestrator.dunning.law.LegalGuard;
import org.collectionorchestrator.dunning.law.PastLetter;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates of the next steps: the table's days, the creditor's grace days, the law's earliest fee day, banking days. */
class DunningScheduleTest {

    private static final BankCalendar CALENDAR = new BankCalendar();
    private static final DunningSchedule SCHEDULE =
            new DunningSchedule(CALENDAR, new LegalGuard(new LawBook(LawProperties.defaults()), CALENDAR));

    @ParameterizedTest(name = "{0}: first reminder {1} days after due {2} -> {3}")
    @CsvSource({
            // a fee-bearing first reminder: the table's day, or the law's earliest fee day if later, on a banking day
            "NO, 14, 2026-12-01, 2026-12-15",   // inkassoforskriften § 1-2: 14 days after the due date
            "NO, 5,  2026-12-01, 2026-12-15",   // the table asks for 5 days: the law moves it to 14
            "FI, 14, 2026-12-01, 2026-12-16",   // perintälaki 10 b §: not on the 14th day
            "DK, 5,  2026-12-01, 2026-12-07",   // after the due date; Sunday 6 Dec -> Monday
            "SE, 23, 2026-12-01, 2026-12-28",   // 24 Dec (closed), weekend, 25-26 Dec holidays: Thursday 24 -> Monday 28
    })
    void theFirstReminderComesOnTheTablesDayButNeverBeforeTheLawAllowsItsFee(Country country, int days, LocalDate due,
                                                                              LocalDate expected) {
        DunningPosition position = SCHEDULE.position(new DunningSchedule.Debt(country, Segment.PRIVATE, due, 0),
                strategy(days, 21, true), List.of(), due.minusDays(10));
        assertThat(position.nextReminderDate()).isEqualTo(expected);
    }

    @Test
    void graceBankingDaysHoldTheFirstReminderBackForMoneyInTransit() {
        LocalDate due = LocalDate.of(2026, 12, 1);
        DunningPosition position = SCHEDULE.position(new DunningSchedule.Debt(Country.DK, Segment.PRIVATE, due, 10),
                strategy(1, 10, true), List.of(), due);
        assertThat(position.nextReminderDate()).as("10 banking days after 1 Dec is 15 Dec; the day after").isEqualTo("2026-12-16");
    }

    @Test
    void theNextLetterComesTheTablesDaysAfterTheLastAndNeverBeforeToday() {
        LocalDate due = LocalDate.of(2026, 10, 1);
        List<PastLetter> sent = List.of(letter(LetterKind.REMINDER, "2026-10-15", "2026-10-29"));
        DunningPosition position = SCHEDULE.position(new DunningSchedule.Debt(Country.DK, Segment.PRIVATE, due, 0),
                strategy(10, 10, true), sent, LocalDate.of(2026, 12, 1));

        assertThat(position.remindersSent()).isEqualTo(1);
        assertThat(position.nextNoticeDate()).as("resumed after a pause: today, not 25 October").isEqualTo("2026-12-01");
    }

    @Test
    void aNorwegianPaymentDemandWaitsForTheNoticesDeadlineToExpire() {
        LocalDate due = LocalDate.of(2026, 9, 1);
        List<PastLetter> sent = List.of(letter(LetterKind.REMINDER, "2026-09-15", "2026-09-29"),
                letter(LetterKind.NOTICE, "2026-10-06", "2026-10-20"));
        Map<String, Object> table = strategyVariables(14, 3, true);
        table.put("paymentDemand", true);
        DunningPosition position = SCHEDULE.position(new DunningSchedule.Debt(Country.NO, Segment.PRIVATE, due, 0),
                DunningStrategy.of(table), sent, LocalDate.of(2026, 10, 7));

        assertThat(position.nextPaymentDemandDate()).as("inkassoloven § 10: after 20 Oct").isEqualTo("2026-10-21");
        assertThat(position.readyForCollectionDate()).isEqualTo("2026-10-21");
    }

    @Test
    void lettersTheTableDoesNotWantGetNoDateAndAGapTheProcessNeedsIsAnError() {
        LocalDate due = LocalDate.of(2026, 12, 1);
        Map<String, Object> table = strategyVariables(14, 14, true);
        table.put("notice", "NONE");
        DunningPosition position = SCHEDULE.position(new DunningSchedule.Debt(Country.NO, Segment.PRIVATE, due, 0),
                DunningStrategy.of(table), List.of(), due);
        assertThat(position.nextNoticeDate()).isNull();
        assertThat(position.nextPaymentDemandDate()).isNull();

        table.remove("firstReminderDays");
        assertThatThrownBy(() -> SCHEDULE.position(new DunningSchedule.Debt(Country.NO, Segment.PRIVATE, due, 0),
                DunningStrategy.of(table), List.of(), due)).hasMessageContaining("firstReminderDays");
    }

    @Test
    void aFriendlyNoticeComesTheTablesDaysBeforeTheDueDateUnlessTheDueDateIsTooClose() {
        Map<String, Object> table = strategyVariables(14, 14, true);
        table.put("friendlyNoticeDays", 5);
        LocalDate due = LocalDate.of(2026, 12, 11);
        var debt = new DunningSchedule.Debt(Country.NO, Segment.PRIVATE, due, 0);

        assertThat(SCHEDULE.position(debt, DunningStrategy.of(table), List.of(), LocalDate.of(2026, 12, 1)).friendlyNoticeDate())
                .isEqualTo("2026-12-07");   // 6 Dec is a Sunday
        assertThat(SCHEDULE.position(debt, DunningStrategy.of(table), List.of(), due).friendlyNoticeDate()).isNull();
    }

    private static PastLetter letter(LetterKind kind, String date, String payBy) {
        return new PastLetter(kind, LocalDate.parse(date), LocalDate.parse(payBy), Money.of("0", "NOK"));
    }

    private static DunningStrategy strategy(int firstReminderDays, int daysBetween, boolean fee) {
        return DunningStrategy.of(strategyVariables(firstReminderDays, daysBetween, fee));
    }

    private static Map<String, Object> strategyVariables(int firstReminderDays, int daysBetween, boolean fee) {
        Map<String, Object> table = new HashMap<>();
        table.put("flow", "REMINDERS");
        table.put("reminders", 2);
        table.put("firstReminderDays", firstReminderDays);
        table.put("daysBetweenLetters", daysBetween);
        table.put("reminderPaymentDays", 14);
        table.put("reminderFee", fee);
        table.put("notice", "OWN");
        table.put("noticePaymentDays", 14);
        table.put("noticeFee", fee);
        table.put("paymentDemand", false);
        return table;
    }
}
