package org.collectionorchestrator.web;

/** A well-formed request that cannot be carried out on the data it names (e.g. another creditor's invoice); 422. */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
