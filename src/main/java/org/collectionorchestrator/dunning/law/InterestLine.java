package org.collectionorchestrator.dunning.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.collectionorchestrator.money.Money;

/** Late interest for one stretch of days at one rate on one principal: from and through both count. */
public record InterestLine(LocalDate from, LocalDate through, int days, BigDecimal ratePercent, Money principal, Money amount) {
}
