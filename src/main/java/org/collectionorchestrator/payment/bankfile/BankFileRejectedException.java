package org.collectionorchestrator.payment.bankfile;

/**
 * The file as a whole cannot be imported; nothing of it is booked. {@code status} is the HTTP status of the problem
 * detail: 400 for what is not a camt document we read, 413 for a file beyond the size cap, 422 for a readable file we
 * must refuse (account, currency). See the package documentation for which input gets which.
 */
public class BankFileRejectedException extends RuntimeException {

    private final int status;

    public BankFileRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
