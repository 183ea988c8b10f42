package org.collectionorchestrator.invoice;

/** Whether the debtor is a consumer or a business: the law and the dunning strategy differ. */
public enum Segment {
    PRIVATE,
    BUSINESS
}
