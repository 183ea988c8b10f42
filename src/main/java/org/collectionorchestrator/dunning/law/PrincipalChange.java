package org.collectionorchestrator.dunning.law;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A change of the principal outstanding (the invoice itself positive, a payment or credit negative) from a day on. */
public record PrincipalChange(LocalDate bookingDate, BigDecimal delta) {
}
