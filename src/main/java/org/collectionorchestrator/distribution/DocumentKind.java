package org.collectionorchestrator.distribution;

/** What is delivered; the distribution table's "Document type". */
public enum DocumentKind {
    INVOICE, CREDIT_NOTE, REMINDER, COLLECTION_NOTICE
}
