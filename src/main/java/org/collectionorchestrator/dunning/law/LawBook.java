package org.collectionorchestrator.dunning.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.springframework.stereotype.Component;

/**
 * The legal numbers in force on a date: fee caps, late-interest rates, B2B compensation and the periods and counts
 * the {@link LegalGuard} applies, all read from dated rows ({@code law/nordic-law.yaml} or
 * {@code collection.law.file}).
 */
@Component
public class LawBook {

    private final List<LawRow> rows;
    private final LawProperties properties;

    public LawBook(LawProperties properties) {
        this.properties = properties;
        this.rows = LawBookFile.read(properties.file());
    }

    /** The highest fee a letter may carry; empty = no fee allowed. */
    public Optional<Money> feeCap(Country country, Segment segment, LetterKind kind, LocalDate letterDate) {
        if (kind == LetterKind.FRIENDLY_NOTICE || ownLetterWithoutFeeUnderNewNorwegianAct(country, kind, letterDate)) {
            return Optional.empty();
        }
        return row(LawRule.FEE_CAP, country, segment, kind, letterDate).map(row -> money(country, row.value()));
    }

    /** Statutory late interest, annual percent (e.g. 12.00); empty when the law book has no rate for the day. */
    public Optional<BigDecimal> lateInterestRate(Country country, Segment segment, LocalDate day) {
        return lateInterestRow(country, segment, day).map(LawRow::value);
    }

    /** The B2B fixed compensation for recovery costs in force on the date; never due from a consumer. */
    public Optional<Money> compensation(Country country, LocalDate date) {
        return row(LawRule.COMPENSATION, country, Segment.BUSINESS, null, date).map(row -> money(country, row.value()));
    }

    public boolean norwegianNewCollectionActInForce(LocalDate date) {
        LocalDate from = properties.norwayNewCollectionActFrom();
        return from != null && !date.isBefore(from);
    }

    /** Days per year in the interest formula. */
    public int dayCountBasis(Country country) {
        return properties.dayCountBasis(country);
    }

    /** Every row of the law book, as loaded (for listings and checks). */
    public List<LawRow> rows() {
        return rows;
    }

    /** The row in force for a letter of this kind on the date, if any. */
    public Optional<LawRow> row(LawRule rule, Country country, Segment segment, LetterKind kind, LocalDate date) {
        return rows.stream().filter(row -> row.appliesTo(rule, country, segment, kind, date)).findFirst();
    }

    /** A count or number of days in force on the date; empty = the law sets none. */
    public OptionalInt number(LawRule rule, Country country, Segment segment, LetterKind kind, LocalDate date) {
        return row(rule, country, segment, kind, date)
                .map(row -> OptionalInt.of(row.value().intValueExact()))
                .orElse(OptionalInt.empty());
    }

    Optional<LawRow> lateInterestRow(Country country, Segment segment, LocalDate day) {
        return row(LawRule.LATE_INTEREST_RATE, country, segment, null, day);
    }

    Optional<LocalDate> norwayNewCollectionActFrom() {
        return Optional.ofNullable(properties.norwayNewCollectionActFrom());
    }

    // Prop. 3 L (2025–2026) 13.4.4: under the new act only licensed collection firms send the statutory notice and
    // payment demand; a creditor's own letters of those kinds carry no fee.
    private boolean ownLetterWithoutFeeUnderNewNorwegianAct(Country country, LetterKind kind, LocalDate letterDate) {
        return country == Country.NO && (kind == LetterKind.NOTICE || kind == LetterKind.PAYMENT_DEMAND)
                && norwegianNewCollectionActInForce(letterDate);
    }

    private static Money money(Country country, BigDecimal value) {
        return new Money(value, Currency.getInstance(country.defaultCurrency()));
    }
}
