package org.collectionorchestrator.payment.bankfile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One camt.053 or camt.054 document as read: its group header and its statements (053) or notifications (054), each
 * for one account.
 *
 * @param messageId   {@code GrpHdr/MsgId}
 * @param messageType e.g. {@code camt.054.001.08}, from the namespace
 * @param created     {@code GrpHdr/CreDtTm} (a time without offset is taken as UTC), null when absent
 */
public record BankFile(String messageId, String messageType, OffsetDateTime created, List<AccountReport> reports) {
}
