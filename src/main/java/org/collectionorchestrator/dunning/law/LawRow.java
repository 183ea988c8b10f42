package org.collectionorchestrator.dunning.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;

/**
 * One dated legal number of the law book ({@code law/nordic-law.yaml}).
 *
 * @param kind          the letter kind the row is for; null = any (rules that do not depend on the letter)
 * @param validTo       last day the row applies (inclusive); null = until further notice
 * @param referenceRate for {@link LawRule#LATE_INTEREST_RATE}: the reference rate, when known
 * @param margin        for {@link LawRule#LATE_INTEREST_RATE}: the percentage points over the reference rate
 * @param law           the provision, as a refusal text names it
 * @param source        where the number comes from: domain.md row and the sources it names
 */
public record LawRow(LawRule rule, Country country, SegmentScope segment, LetterKind kind, LocalDate validFrom,
                     LocalDate validTo, BigDecimal value, BigDecimal referenceRate, BigDecimal margin, String law,
                     String source, Confidence confidence) {

    public LawRow {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(value, "value");
        segment = segment == null ? SegmentScope.BOTH : segment;
        String row = "Law row " + rule + " " + country + " " + segment + (kind == null ? "" : " " + kind)
                + " from " + validFrom;
        require(law != null && !law.isBlank(), row, "has no law");
        require(source != null && !source.isBlank(), row, "has no source");
        require(confidence != null, row, "has no confidence");
        require(validTo == null || !validTo.isBefore(validFrom), row, "ends before it starts");
        require(value.signum() >= 0, row, "has a negative value");
        require(referenceRate == null || margin == null || referenceRate.add(margin).compareTo(value) == 0,
                row, "is not reference rate + margin");
    }

    public boolean appliesTo(LawRule rule, Country country, Segment segment, LetterKind kind, LocalDate date) {
        return this.rule == rule && this.country == country && this.segment.covers(segment)
                && (this.kind == null || this.kind == kind) && appliesOn(date);
    }

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether the two rows could both apply to one letter on one day. */
    boolean overlaps(LawRow other) {
        return rule == other.rule && country == other.country
                && (segment == other.segment || segment == SegmentScope.BOTH || other.segment == SegmentScope.BOTH)
                && (kind == null || other.kind == null || kind == other.kind)
                && (validTo == null || !validTo.isBefore(other.validFrom))
                && (other.validTo == null || !other.validTo.isBefore(validFrom));
    }

    private static void require(boolean condition, String row, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(row + " " + problem);
        }
    }
}
