package org.collectionorchestrator.payment.bankpolling;

/** The bank did not answer usefully for a technical reason (timeout, 5xx, 429, connection): worth trying again. */
public class BankUnavailableException extends RuntimeException {

    public BankUnavailableException(String message) {
        super(message);
    }

    public BankUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
