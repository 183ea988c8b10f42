package org.collectionorchestrator.payment.bankfile;

import java.math.BigDecimal;
import java.util.List;

/**
 * One {@code TxDtls} of an entry (or the entry itself when it has none).
 *
 * @param key                  the idempotency key of this transaction, at most 100 characters, the same whichever file
 *                             (camt.053 or camt.054) reports it when the bank gives servicer references; see
 *                             {@link BankTransactionKeys}
 * @param amount               {@code AmtDtls/TxAmt/Amt} (or {@code Amt}), else the entry's amount when it is the only one
 * @param currency             its currency
 * @param endToEndId           {@code Refs/EndToEndId} unless {@code NOTPROVIDED}
 * @param debtorName           {@code RltdPties/Dbtr/Nm} or {@code Dbtr/Pty/Nm}
 * @param debtorAccount        {@code RltdPties/DbtrAcct/Id/IBAN} or {@code Othr/Id}
 * @param structuredReferences {@code RmtInf/Strd/CdtrRefInf/Ref}, in file order
 * @param referredDocuments    {@code RmtInf/Strd/RfrdDocInf} with their amounts
 * @param unstructured         {@code RmtInf/Ustrd} lines
 * @param returnReason         {@code RtrInf/Rsn/Cd} (or {@code Prtry}), null when absent
 * @param problem              why this transaction cannot be booked (quarantine), null when it can
 */
public record BankTransaction(
        String key,
        BigDecimal amount,
        String currency,
        String endToEndId,
        String debtorName,
        String debtorAccount,
        List<String> structuredReferences,
        List<ReferredDocument> referredDocuments,
        List<String> unstructured,
        String returnReason,
        String problem) {

    /**
     * A document named in the remittance.
     *
     * @param number     {@code RfrdDocInf/Nb}
     * @param creditNote {@code Tp/CdOrPrtry/Cd} = CREN
     * @param amount     {@code RmtdAmt} (or {@code CdtNoteAmt} for a credit note), null when absent
     */
    public record ReferredDocument(String number, boolean creditNote, BigDecimal amount) {
    }
}
