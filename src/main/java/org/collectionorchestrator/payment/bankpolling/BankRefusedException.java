package org.collectionorchestrator.payment.bankpolling;

/**
 * The bank refused the call (a 4xx other than 429, or 401 again with a fresh token): trying again at once does not
 * help; the job fails and its retries (minutes apart) or an operator decide.
 */
public class BankRefusedException extends RuntimeException {

    public BankRefusedException(String message) {
        super(message);
    }
}
