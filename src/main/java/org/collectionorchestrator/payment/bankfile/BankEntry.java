package org.collectionorchestrator.payment.bankfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One {@code Ntry}. An entry without {@code TxDtls} has one transaction of the entry's amount, so every booked credit
 * gives as many payments as it has transactions.
 *
 * @param sequence        1-based position of the entry in its report (names it in summaries when it has no reference)
 * @param entryReference  {@code NtryRef}, null when absent
 * @param servicerReference {@code AcctSvcrRef}, null when absent
 * @param amount          {@code Amt}, always positive; null only when {@code problem} says why
 * @param credit          {@code CdtDbtInd} = CRDT
 * @param reversal        {@code RvslInd} = true
 * @param status          {@code Sts} or {@code Sts/Cd}: BOOK, PDNG, INFO (others as written)
 * @param bookingDate     {@code BookgDt/Dt} or the date of {@code BookgDt/DtTm}; null when absent
 * @param valueDate       {@code ValDt}, null when absent
 * @param problem         why the entry cannot be booked (quarantine) with its line in the file, null when it can; set
 *                        whatever the status and direction (an importer reports pending and debit entries as ignored
 *                        first)
 */
public record BankEntry(
        int sequence,
        String entryReference,
        String servicerReference,
        BigDecimal amount,
        String currency,
        boolean credit,
        boolean reversal,
        String status,
        LocalDate bookingDate,
        LocalDate valueDate,
        List<BankTransaction> transactions,
        String problem) {

    public boolean booked() {
        return "BOOK".equals(status);
    }

    /** How a summary names the entry: its references, else its position. */
    public String label() {
        if (servicerReference != null || entryReference != null) {
            return (servicerReference == null ? "" : servicerReference) + (entryReference == null ? "" : "/" + entryReference);
        }
        return "#" + sequence;
    }
}
