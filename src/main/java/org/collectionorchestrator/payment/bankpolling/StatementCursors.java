package org.collectionorchestrator.payment.bankpolling;

import java.util.Optional;
import java.util.function.Supplier;
import org.collectionorchestrator.payment.ImportSummary;

/** Per creditor and account: which statement was imported last, and which were imported at all. */
interface StatementCursors {

    /** The id to list statements after; empty before the first import. */
    Optional<String> lastStatementId(String creditorId, String account);

    /** True when the statement was imported before (then it is not downloaded again). */
    boolean alreadyImported(String creditorId, String account, String statementId);

    /**
     * Imports the statement unless it was imported before, under the account's lock: the cursor moves to it and the
     * statement is recorded in the same transaction as the import, so only once the import is committed. If the
     * import throws, nothing is recorded and the cursor stays where it was.
     *
     * @return the import's summary, or empty when the statement had been imported before
     */
    Optional<ImportSummary> importOnce(String creditorId, String account, String statementId,
                                       Supplier<ImportSummary> importStatement);
}
