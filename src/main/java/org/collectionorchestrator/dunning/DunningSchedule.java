package org.collectionorchestrator.dunning;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.law.LegalGuard;
import org.collectionorchestrator.dunning.law.PastLetter;
import org.collectionorchestrator.invoice.Segment;
import org.springframework.stereotype.Component;

/**
 * Turns the strategy's days into the dates of an invoice's next steps. Each next letter comes the table's days
 * after the previous one (the first after the due date and the creditor's grace days), never before today,
 * never before the law lets it carry the fee the table wants, and on a banking day. The counts come from the
 * letters actually stored, so a process that resumes after a dispute or a pause sends nothing twice.
 */
@Component
public class DunningSchedule {

    private final BankCalendar calendar;
    private final LegalGuard guard;

    public DunningSchedule(BankCalendar calendar, LegalGuard guard) {
        this.calendar = calendar;
        this.guard = guard;
    }

    /** What the schedule needs to know about the invoice. */
    public record Debt(Country country, Segment segment, LocalDate dueDate, int graceBankingDays) {
    }

    public DunningPosition position(Debt debt, DunningStrategy strategy, List<PastLetter> letters, LocalDate today) {
        List<PastLetter> sent = letters.stream().sorted(Comparator.comparing(PastLetter::letterDate)).toList();
        List<PastLetter> dunning = sent.stream().filter(l -> l.kind() != LetterKind.FRIENDLY_NOTICE).toList();
        boolean byLetter = "REMINDERS".equals(strategy.flow());
        return new DunningPosition(
                count(sent, LetterKind.FRIENDLY_NOTICE), count(sent, LetterKind.REMINDER),
                count(sent, LetterKind.NOTICE), count(sent, LetterKind.PAYMENT_DEMAND),
                byLetter ? friendlyNotice(debt, strategy, sent, today) : null,
                byLetter && reminders(strategy) > count(sent, LetterKind.REMINDER)
                        ? nextLetter(debt, strategy, LetterKind.REMINDER, dunning, today) : null,
                byLetter && "OWN".equals(strategy.notice()) ? nextLetter(debt, strategy, LetterKind.NOTICE, dunning, today) : null,
                byLetter && strategy.paymentDemand()
                        ? nextLetter(debt, strategy, LetterKind.PAYMENT_DEMAND, dunning, today) : null,
                readyForCollection(debt, strategy, dunning, today),
                daysAfterDue(debt, strategy.followUpDays()),
                daysAfterDue(debt, strategy.escalationDays()));
    }

    private static int reminders(DunningStrategy strategy) {
        return strategy.reminders() == null ? 0 : strategy.reminders();
    }

    private LocalDate nextLetter(Debt debt, DunningStrategy strategy, LetterKind kind, List<PastLetter> dunning,
                                 LocalDate today) {
        LocalDate date;
        if (dunning.isEmpty()) {
            date = debt.dueDate().plusDays(DunningStrategy.required(strategy.firstReminderDays(), "firstReminderDays"));
        } else {
            PastLetter last = dunning.get(dunning.size() - 1);
            date = last.letterDate().plusDays(DunningStrategy.required(strategy.daysBetweenLetters(), "daysBetweenLetters"));
        }
        date = latest(date, firstDayAfterGrace(debt), today);
        if (kind == LetterKind.PAYMENT_DEMAND) {
            // inkassoloven § 10: a payment demand only after the notice's deadline has expired
            date = latest(date, lastDeadline(dunning).plusDays(1));
        }
        if (strategy.feeWanted(kind)) {
            LocalDate feeDate = guard.earliestFeeDate(debt.country(), debt.segment(), kind, debt.dueDate(), dunning);
            if (!feeDate.equals(LocalDate.MAX)) { // MAX: no fee is ever allowed; the letter goes without one
                date = latest(date, feeDate);
            }
        }
        return calendar.onOrNextBankingDay(debt.country(), date);
    }

    /** A few days before the due date, if the table wants one, none was sent and the due date is not too close. */
    private LocalDate friendlyNotice(Debt debt, DunningStrategy strategy, List<PastLetter> sent, LocalDate today) {
        if (strategy.friendlyNoticeDays() == null || !sent.isEmpty()) {
            return null;
        }
        LocalDate date = calendar.onOrNextBankingDay(debt.country(),
                latest(debt.dueDate().minusDays(strategy.friendlyNoticeDays()), today));
        return date.isBefore(debt.dueDate()) ? date : null;
    }

    /** The day after the last letter's deadline; with no own notice not before the table's days after the due date. */
    private LocalDate readyForCollection(Debt debt, DunningStrategy strategy, List<PastLetter> dunning, LocalDate today) {
        LocalDate date = dunning.isEmpty() ? debt.dueDate().plusDays(1) : lastDeadline(dunning).plusDays(1);
        if (strategy.readyForCollectionDays() != null) {
            date = latest(date, debt.dueDate().plusDays(strategy.readyForCollectionDays()));
        }
        return latest(date, today);
    }

    private LocalDate firstDayAfterGrace(Debt debt) {
        return calendar.plusBankingDays(debt.country(), calendar.onOrNextBankingDay(debt.country(), debt.dueDate()),
                debt.graceBankingDays()).plusDays(1);
    }

    private LocalDate daysAfterDue(Debt debt, Integer days) {
        return days == null ? null : calendar.onOrNextBankingDay(debt.country(), debt.dueDate().plusDays(days));
    }

    private static LocalDate lastDeadline(List<PastLetter> dunning) {
        return dunning.stream().map(PastLetter::payBy).max(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }

    private static int count(List<PastLetter> letters, LetterKind kind) {
        return (int) letters.stream().filter(l -> l.kind() == kind).count();
    }

    private static LocalDate latest(LocalDate first, LocalDate... others) {
        LocalDate latest = first;
        for (LocalDate other : others) {
            if (other.isAfter(latest)) {
                latest = other;
            }
        }
        return latest;
    }
}
