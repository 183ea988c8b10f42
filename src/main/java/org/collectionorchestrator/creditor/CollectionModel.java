package org.collectionorchestrator.creditor;

/** Who sends the collection notice, and so where our dunning ends (the DMN input {@code collectionModel}). */
public enum CollectionModel {
    /** We send the notice (NO inkassovarsel, DK påkrav, SE inkassokrav, FI maksukehotus); ready for collection after it expires. */
    OWN_NOTICE,
    /** Reminders only; at a number of days overdue the invoice is ready for the agency, which sends the notice. */
    AGENCY_NOTICE
}
