package org.collectionorchestrator.dunning;

/** What credit control decided for an invoice that is still unpaid after dunning (form unpaid-invoice-decision). */
public enum UnpaidInvoiceDecision {
    /** Hand the claim to the collection agency; the hand-over itself is done by the collection capability. */
    HAND_OVER,
    /** Give up the outstanding amount; it is written off on the ledger. */
    WRITE_OFF
}
