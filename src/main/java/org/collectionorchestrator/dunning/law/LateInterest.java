package org.collectionorchestrator.dunning.law;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.springframework.stereotype.Component;

/**
 * Statutory late interest: simple interest per day on the principal outstanding that day, at the rate the law book
 * has for that day. A new line starts at every rate period (1 January, 1 July) and every principal change; each
 * line is principal × rate / 100 × days / day-count basis, rounded half-up to the currency's minor unit.
 */
@Component
public class LateInterest {

    private final LawBook law;
    private final BankCalendar calendar;

    public LateInterest(LawBook law, BankCalendar calendar) {
        this.law = law;
        this.calendar = calendar;
    }

    /**
     * Simple interest per day on the principal outstanding each day, from the day after the due date through
     * {@code through}; rate periods split the calculation. A due date on a non-banking day moves to the next banking
     * day first (as {@link BankCalendar#firstDayOverdue} does). A change booked on day d counts from day d on.
     */
    public InterestCalculation calculate(Country country, Segment segment, LocalDate dueDate,
                                         List<PrincipalChange> principal, LocalDate through, Currency currency) {
        List<InterestLine> lines = new ArrayList<>();
        List<MissingRate> missing = new ArrayList<>();
        for (Run run : runs(country, segment, calendar.firstDayOverdue(country, dueDate), principal, through)) {
            if (run.principal().signum() <= 0) {
                continue;
            }
            int days = (int) ChronoUnit.DAYS.between(run.from(), run.through()) + 1;
            if (run.rate() == null) {
                missing.add(new MissingRate(run.from(), run.through(), days));
            } else {
                lines.add(line(run, days, law.dayCountBasis(country), currency));
            }
        }
        Money total = lines.stream().map(InterestLine::amount).reduce(Money.zero(currency), Money::plus);
        return new InterestCalculation(lines, total, missing);
    }

    private static InterestLine line(Run run, int days, int basis, Currency currency) {
        BigDecimal rate = run.rate().value();
        BigDecimal amount = run.principal().multiply(rate).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(100L * basis), currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
        return new InterestLine(run.from(), run.through(), days, rate, new Money(run.principal(), currency),
                new Money(amount, currency));
    }

    /** Consecutive days with the same rate row and the same principal. */
    private List<Run> runs(Country country, Segment segment, LocalDate first, List<PrincipalChange> changes,
                           LocalDate through) {
        Map<LocalDate, BigDecimal> deltas = new TreeMap<>();
        BigDecimal outstanding = BigDecimal.ZERO;
        for (PrincipalChange change : changes) {
            if (change.bookingDate().isBefore(first)) {
                outstanding = outstanding.add(change.delta());
            } else {
                deltas.merge(change.bookingDate(), change.delta(), BigDecimal::add);
            }
        }
        List<Run> runs = new ArrayList<>();
        Run current = null;
        for (LocalDate day = first; !day.isAfter(through); day = day.plusDays(1)) {
            outstanding = outstanding.add(deltas.getOrDefault(day, BigDecimal.ZERO));
            LawRow rate = law.lateInterestRow(country, segment, day).orElse(null);
            if (current != null && current.continuesWith(rate, outstanding)) {
                current = current.through(day);
                runs.set(runs.size() - 1, current);
            } else {
                current = new Run(day, day, rate, outstanding);
                runs.add(current);
            }
        }
        return runs;
    }

    private record Run(LocalDate from, LocalDate through, LawRow rate, BigDecimal principal) {

        boolean continuesWith(LawRow otherRate, BigDecimal otherPrincipal) {
            return Objects.equals(rate, otherRate) && principal.compareTo(otherPrincipal) == 0;
        }

        Run through(LocalDate day) {
            return new Run(from, day, rate, principal);
        }
    }
}
