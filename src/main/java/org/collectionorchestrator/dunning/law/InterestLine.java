package org.collectionorchestrator.dunning.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.collectionorchestrator.money.Money;

/** Interest for consecutive days with one rate and one principal; {@code through} inclusive. */
public record InterestLine(LocalDate from, LocalDate through, int days, BigDecimal ratePercent, Money principal,
                           Money amount) {
}
