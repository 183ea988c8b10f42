package org.collectionorchestrator.payment.bankpolling;

import java.util.List;

/**
 * Some accounts could not be polled to the end; each failure names the account and the statement it stopped at.
 * Accounts that had no failure were polled and imported as usual.
 *
 * @param failures what went wrong, per account
 */
public class BankPollingFailedException extends RuntimeException {

    private final List<AccountFailure> failures;

    public BankPollingFailedException(List<AccountFailure> failures) {
        super(String.join("; ", failures.stream().map(AccountFailure::describe).toList()));
        this.failures = List.copyOf(failures);
    }

    /**
     * @param refused true when trying again cannot help (the import refused the file, the bank refused the
     *                request): an operator must look at it
     */
    public record AccountFailure(String creditorId, String account, String statementId, String reason, boolean refused) {

        String describe() {
            return creditorId + " " + account + (statementId == null ? "" : " statement " + statementId) + ": " + reason;
        }
    }

    public List<AccountFailure> failures() {
        return failures;
    }

    /** An operator must act: at least one failure will not go away by itself. */
    public boolean needsOperator() {
        return failures.stream().anyMatch(AccountFailure::refused);
    }
}
