package org.collectionorchestrator.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The net change of an invoice's principal on one booking date: positive when charged, negative when paid down. */
public record PrincipalChange(LocalDate bookingDate, BigDecimal delta) {
}
