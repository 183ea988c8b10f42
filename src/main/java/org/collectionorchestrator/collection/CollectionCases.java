package org.collectionorchestrator.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CollectionCases {

    private final JdbcClient jdbc;
    private final Clock clock;

    CollectionCases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new approved case; false when the invoice has an open case already. */
    boolean insert(UUID id, UUID invoiceId, String creditorId, String reviewId) {
        return jdbc.sql("""
                        insert into collection_case (id, invoice_id, creditor_id, status, review_id, approved_at)
                        values (:id, :invoice, :creditor, 'APPROVED', :review, :now)
                        on conflict (invoice_id) where closed_at is null do nothing""")
                .param("id", id).param("invoice", invoiceId).param("creditor", creditorId).param("review", reviewId)
                .param("now", now())
                .update() == 1;
    }

    Optional<CollectionCase> find(UUID id) {
        return jdbc.sql("select * from collection_case where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<CollectionCase> lock(UUID id) {
        return jdbc.sql("select * from collection_case where id = :id for update").param("id", id).query(this::map).optional();
    }

    /** The invoice's case that is not closed, locked. */
    Optional<CollectionCase> lockOpenOf(UUID invoiceId) {
        return jdbc.sql("select * from collection_case where invoice_id = :invoice and closed_at is null for update")
                .param("invoice", invoiceId).query(this::map).optional();
    }

    boolean hasOpen(UUID invoiceId) {
        return jdbc.sql("select exists (select 1 from collection_case where invoice_id = :invoice and closed_at is null)")
                .param("invoice", invoiceId).query(Boolean.class).single();
    }

    List<CollectionCase> ofInvoice(UUID invoiceId) {
        return jdbc.sql("select * from collection_case where invoice_id = :invoice order by approved_at")
                .param("invoice", invoiceId).query(this::map).list();
    }

    void chooseAgency(UUID id, String agencyId) {
        jdbc.sql("update collection_case set agency_id = :agency where id = :id").param("agency", agencyId).param("id", id).update();
    }

    void handedOver(UUID id) {
        jdbc.sql("update collection_case set status = 'HANDED_OVER', handed_over_at = :now where id = :id and status = 'APPROVED'")
                .param("now", now()).param("id", id).update();
    }

    void agencyUpdate(UUID id, String agencyStatus, String agencyReference, boolean opened) {
        jdbc.sql("""
                        update collection_case set agency_status = coalesce(:status, agency_status),
                               agency_reference = coalesce(:reference, agency_reference),
                               status = case when :opened and status = 'HANDED_OVER' then 'OPENED' else status end
                         where id = :id""")
                .param("status", agencyStatus).param("reference", agencyReference).param("opened", opened).param("id", id)
                .update();
    }

    void recallRequested(UUID id, String reason) {
        jdbc.sql("update collection_case set status = 'RECALL_REQUESTED', recall_reason = :reason where id = :id")
                .param("reason", reason).param("id", id).update();
    }

    void close(UUID id, String outcome) {
        jdbc.sql("update collection_case set status = 'CLOSED', closed_at = :now, close_outcome = :outcome where id = :id and closed_at is null")
                .param("now", now()).param("outcome", outcome).param("id", id).update();
    }

    /** Records the agency's event once; false when the agency sent this event id before. */
    boolean recordEvent(String agencyId, String eventId, String type, UUID caseId, String paymentTransactionId) {
        return jdbc.sql("""
                        insert into agency_event (agency_id, event_id, event_type, case_id, received_at, payment_transaction_id)
                        values (:agency, :event, :type, :case, :now, :tx) on conflict do nothing""")
                .param("agency", agencyId).param("event", eventId).param("type", type).param("case", caseId)
                .param("tx", paymentTransactionId)
                .param("now", now())
                .update() == 1;
    }

    /** Whether this payment (by its ledger source) was reported to the case's agency. */
    boolean reported(UUID caseId, String source) {
        return jdbc.sql("select exists (select 1 from agency_payment_report where case_id = :case and source = :source)")
                .param("case", caseId).param("source", source).query(Boolean.class).single();
    }

    /** Whether this ledger source is a payment the case's agency collected (registered from its callback). */
    boolean collectedByAgency(UUID caseId, String source) {
        return jdbc.sql("""
                        select exists (select 1 from agency_event where case_id = :case
                                        and 'payment ' || payment_transaction_id = :source)""")
                .param("case", caseId).param("source", source).query(Boolean.class).single();
    }

    void markReported(UUID caseId, String source) {
        jdbc.sql("insert into agency_payment_report (case_id, source, reported_at) values (:case, :source, :now) on conflict do nothing")
                .param("case", caseId).param("source", source).param("now", now()).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private CollectionCase map(ResultSet rs, int row) throws SQLException {
        return new CollectionCase(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getString("creditor_id"), rs.getString("agency_id"),
                CollectionCase.Status.valueOf(rs.getString("status")), rs.getString("agency_status"),
                rs.getString("agency_reference"), rs.getString("review_id"),
                rs.getObject("approved_at", OffsetDateTime.class), rs.getObject("handed_over_at", OffsetDateTime.class),
                rs.getString("recall_reason"), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("close_outcome"));
    }
}
