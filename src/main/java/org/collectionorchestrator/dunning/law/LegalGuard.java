package org.collectionorchestrator.dunning.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.springframework.stereotype.Component;

/**
 * The law as a guard around whatever a DMN table asks for: a fee never above the cap in force on the letter's date,
 * never earlier, more often or closer together than the law allows, B2B compensation only from a business, once,
 * after the due date. What it takes away it says, naming the country and the rule.
 */
@Component
public class LegalGuard {

    private final LawBook law;
    private final BankCalendar calendar;
    private final FeeTiming timing;

    public LegalGuard(LawBook law, BankCalendar calendar) {
        this.law = law;
        this.calendar = calendar;
        this.timing = new FeeTiming(law, calendar);
    }

    public FeeDecision decideFee(FeeRequest request) {
        Money requested = request.requestedFee();
        Money zero = Money.zero(requested.currency());
        if (!requested.isPositive()) {
            return new FeeDecision(zero, List.of());
        }
        Optional<Money> cap = law.feeCap(request.country(), request.segment(), request.kind(), request.letterDate());
        List<String> refusals = new ArrayList<>(FeeConditions.refusals(request, cap, law));
        timing.constraints(request.country(), request.segment(), request.kind(), request.dueDate(),
                        request.earlierLetters(), request.letterDate()).stream()
                .filter(constraint -> request.letterDate().isBefore(constraint.earliest()))
                .map(FeeTiming.Constraint::refusal)
                .filter(refusal -> !refusals.contains(refusal))
                .forEach(refusals::add);
        if (!refusals.isEmpty()) {
            return new FeeDecision(zero, refusals);
        }
        if (requested.compareTo(cap.orElseThrow()) > 0) {
            return new FeeDecision(cap.get(), List.of(FeeConditions.capped(request, cap.get(), law)));
        }
        return new FeeDecision(requested, List.of());
    }

    public CompensationDecision decideCompensation(Country country, Segment segment, LocalDate date, LocalDate dueDate,
                                                   boolean alreadyClaimed, Currency currency) {
        Optional<LawRow> row = law.row(LawRule.COMPENSATION, country, Segment.BUSINESS, null, date);
        String rule = row.map(r -> country + " " + r.law()).orElse(country.name());
        LocalDate firstDayOverdue = calendar.firstDayOverdue(country, dueDate);
        if (segment != Segment.BUSINESS) {
            return refuse(currency, rule + ": no fixed compensation from a consumer");
        }
        if (alreadyClaimed) {
            return refuse(currency, rule + ": the fixed compensation is due once per invoice and was already claimed");
        }
        if (date.isBefore(firstDayOverdue)) {
            return refuse(currency, rule + ": the fixed compensation is due only after the due date (from "
                    + firstDayOverdue + ")");
        }
        if (row.isEmpty()) {
            return refuse(currency, country + ": the law book has no fixed compensation for " + date);
        }
        Money amount = law.compensation(country, date).orElseThrow();
        if (!amount.currency().equals(currency)) {
            return refuse(currency, rule + ": the fixed compensation is " + amount + "; the invoice is in "
                    + currency.getCurrencyCode() + " and is not converted");
        }
        return new CompensationDecision(amount, Optional.empty());
    }

    /**
     * Earliest date on which a letter of this kind may carry a fee, given the earlier letters (NO/FI 14 days after
     * due, NO previous deadline expired, DK 10 days apart, FI &gt;14 / B2B 10, the count limits).
     * {@link LocalDate#MAX} when no date qualifies (a limit is reached, a friendly notice, or a Norwegian payment
     * demand without an earlier reminder or notice). Whether a fee is allowed at all (cap, agreement, dispute) is
     * {@link #decideFee}'s question.
     */
    public LocalDate earliestFeeDate(Country country, Segment segment, LetterKind kind, LocalDate dueDate,
                                     List<PastLetter> earlier) {
        LocalDate asOf = earlier.stream().map(PastLetter::letterDate)
                .reduce(calendar.firstDayOverdue(country, dueDate), (a, b) -> a.isAfter(b) ? a : b);
        return timing.constraints(country, segment, kind, dueDate, earlier, asOf).stream()
                .map(FeeTiming.Constraint::earliest)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /**
     * The payment deadline the law requires at least for a letter sent on letterDate (NO 14 d, DK notice 10 d,
     * SE notice 8 d, FI 10 d + assumed post days); requestedDays from DMN wins when longer; moved to a banking day.
     */
    public LocalDate payBy(Country country, LetterKind kind, LocalDate letterDate, int requestedDays) {
        int minimum = law.number(LawRule.MIN_PAYMENT_DAYS, country, Segment.PRIVATE, kind, letterDate).orElse(0);
        if (minimum > 0) {
            minimum += law.number(LawRule.ASSUMED_POST_DAYS, country, Segment.PRIVATE, kind, letterDate).orElse(0);
        }
        return calendar.onOrNextBankingDay(country, letterDate.plusDays(Math.max(requestedDays, minimum)));
    }

    private static CompensationDecision refuse(Currency currency, String refusal) {
        return new CompensationDecision(Money.zero(currency), Optional.of(refusal));
    }
}
