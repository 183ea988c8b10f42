package org.collectionorchestrator.payment;

import java.io.InputStream;
import org.springframework.stereotype.Service;

/**
 * Imports one ISO 20022 camt.053 or camt.054 file for a creditor: all of it or nothing. Being written (issue 15).
 */
@Service
public class BankStatementImport {

    /**
     * @throws org.collectionorchestrator.payment.bankfile.BankFileRejectedException when the file is not a camt
     *         document we read (problem detail 400) or its account does not belong to the creditor (422)
     */
    public ImportSummary importStatement(String creditorId, InputStream xml) {
        throw new UnsupportedOperationException("bank statement import is being written");
    }
}
