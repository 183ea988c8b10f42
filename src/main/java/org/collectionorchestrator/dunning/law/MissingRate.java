package org.collectionorchestrator.dunning.law;

import java.time.LocalDate;

/** Days on which principal was overdue but the law book has no late-interest rate; no interest is computed. */
public record MissingRate(LocalDate from, LocalDate through, int days) {
}
