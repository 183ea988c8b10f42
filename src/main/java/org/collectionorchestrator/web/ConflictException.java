package org.collectionorchestrator.web;

/** The request reuses a business key (invoice number, bank transaction id) with different content. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
