package org.collectionorchestrator.dunning.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;

/**
 * From which date a letter may carry a fee, rule by rule: the first fee day after the due date, the number of
 * fee-bearing letters, the days between them and (Norway) the expired deadline of an earlier letter.
 */
final class FeeTiming {

    /** The date from which the rule allows the fee ({@link #NEVER}: not at all), and the refusal before it. */
    record Constraint(LocalDate earliest, String refusal) {
    }

    static final LocalDate NEVER = LocalDate.MAX;

    private final LawBook law;
    private final BankCalendar calendar;

    FeeTiming(LawBook law, BankCalendar calendar) {
        this.law = law;
        this.calendar = calendar;
    }

    /** The constraints on a fee for this letter; the rows are those in force on {@code asOf}. */
    List<Constraint> constraints(Country country, Segment segment, LetterKind kind, LocalDate dueDate,
                                 List<PastLetter> earlier, LocalDate asOf) {
        List<Constraint> constraints = new ArrayList<>();
        if (kind == LetterKind.FRIENDLY_NOTICE) {
            constraints.add(new Constraint(NEVER, country + ": a friendly notice before the due date never carries a fee"));
            return constraints;
        }
        Rules rules = new Rules(country, segment, kind, asOf, law);
        constraints.add(firstFeeDay(rules, calendar.onOrNextBankingDay(country, dueDate)));
        counts(rules, earlier, constraints);
        latest(earlier, PastLetter::feeBearing).ifPresent(last -> spacing(rules, last, constraints));
        deadlineExpired(rules, earlier, constraints);
        return constraints;
    }

    private Constraint firstFeeDay(Rules rules, LocalDate effectiveDue) {
        Optional<LawRow> row = rules.row(LawRule.FIRST_FEE_DAY_AFTER_DUE);
        int days = row.map(r -> r.value().intValueExact()).orElse(1);
        LocalDate earliest = effectiveDue.plusDays(days);
        return new Constraint(earliest, "%s: no fee before %d days after the due date %s (earliest %s)"
                .formatted(rules.cite(row), days, effectiveDue, earliest));
    }

    private void counts(Rules rules, List<PastLetter> earlier, List<Constraint> constraints) {
        long reminders = count(earlier, LetterKind.REMINDER);
        long notices = count(earlier, LetterKind.NOTICE);
        switch (rules.kind()) {
            case REMINDER -> limit(rules, LawRule.MAX_FEE_REMINDERS, reminders, "fee-bearing reminders", constraints);
            case NOTICE -> limit(rules, LawRule.MAX_FEE_NOTICES, notices, "fee-bearing notices", constraints);
            case PAYMENT_DEMAND -> limit(rules, LawRule.MAX_FEE_PAYMENT_DEMANDS,
                    count(earlier, LetterKind.PAYMENT_DEMAND), "fee-bearing payment demands", constraints);
            default -> { }
        }
        if (rules.kind() == LetterKind.REMINDER || rules.kind() == LetterKind.NOTICE) {
            limit(rules, LawRule.MAX_FEE_LETTERS, reminders + notices, "fee-bearing reminders and notices together",
                    constraints);
        }
    }

    private static void limit(Rules rules, LawRule rule, long sent, String what, List<Constraint> constraints) {
        rules.row(rule).filter(row -> sent >= row.value().longValueExact()).ifPresent(row -> constraints.add(
                new Constraint(NEVER, "%s: at most %s %s per claim (%d sent)"
                        .formatted(rules.cite(Optional.of(row)), row.value().toPlainString(), what, sent))));
    }

    private static void spacing(Rules rules, PastLetter last, List<Constraint> constraints) {
        rules.row(LawRule.MIN_DAYS_BETWEEN_FEES).ifPresent(row -> {
            int days = row.value().intValueExact();
            LocalDate earliest = last.letterDate().plusDays(days);
            constraints.add(new Constraint(earliest, "%s: at least %d days between fee-bearing letters (the last on %s; earliest %s)"
                    .formatted(rules.cite(Optional.of(row)), days, last.letterDate(), earliest)));
        });
    }

    // Norway: a second fee (§ 1-3) and a payment demand's fee (§ 1-2 (3)) need an earlier letter whose deadline of
    // at least 14 days the debtor let expire. A shorter printed deadline counts as if it were 14 days long.
    private static void deadlineExpired(Rules rules, List<PastLetter> earlier, List<Constraint> constraints) {
        Optional<LawRow> row = rules.row(LawRule.FEE_AFTER_DEADLINE_DAYS);
        if (row.isEmpty()) {
            return;
        }
        int days = row.get().value().intValueExact();
        boolean demand = rules.kind() == LetterKind.PAYMENT_DEMAND;
        Optional<PastLetter> base = demand
                ? latest(earlier, letter -> letter.kind() == LetterKind.REMINDER || letter.kind() == LetterKind.NOTICE)
                : latest(earlier, letter -> letter.feeBearing() && letter.kind() != LetterKind.PAYMENT_DEMAND);
        if (base.isEmpty()) {
            if (demand) {
                constraints.add(new Constraint(NEVER, "%s: a payment demand carries a fee only after a reminder or notice whose deadline of at least %d days expired"
                        .formatted(rules.cite(row), days)));
            }
            return;
        }
        PastLetter letter = base.get();
        LocalDate deadline = letter.payBy() == null ? letter.letterDate() : letter.payBy();
        LocalDate earliest = later(deadline, letter.letterDate().plusDays(days)).plusDays(1);
        constraints.add(new Constraint(earliest, "%s: %s only after the deadline (at least %d days) of the %s of %s expired (earliest %s)"
                .formatted(rules.cite(row), demand ? "a payment demand carries a fee" : "a further fee",
                        days, letter.kind(), letter.letterDate(), earliest)));
    }

    private static long count(List<PastLetter> letters, LetterKind kind) {
        return letters.stream().filter(letter -> letter.feeBearing() && letter.kind() == kind).count();
    }

    private static Optional<PastLetter> latest(List<PastLetter> letters, Predicate<PastLetter> which) {
        return letters.stream().filter(which).max(Comparator.comparing(PastLetter::letterDate));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private record Rules(Country country, Segment segment, LetterKind kind, LocalDate asOf, LawBook law) {

        Optional<LawRow> row(LawRule rule) {
            return law.row(rule, country, segment, kind, asOf);
        }

        String cite(Optional<LawRow> row) {
            return row.map(r -> country + " " + r.law()).orElse(country.name());
        }
    }
}
