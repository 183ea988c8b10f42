package org.collectionorchestrator.web;

/** The caller's token does not allow this (another creditor's data): 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
