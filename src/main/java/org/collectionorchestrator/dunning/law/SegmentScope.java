package org.collectionorchestrator.dunning.law;

import org.collectionorchestrator.invoice.Segment;

/** Which debtors a row of the law book applies to. */
public enum SegmentScope {
    PRIVATE,
    BUSINESS,
    BOTH;

    public boolean covers(Segment segment) {
        return this == BOTH || name().equals(segment.name());
    }
}
