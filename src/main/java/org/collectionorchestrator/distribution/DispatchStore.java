package org.collectionorchestrator.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.invoice.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dispatch table: each row written before its send, then moved on by the provider's answer or report. */
@Repository
class DispatchStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    DispatchStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The dispatch of {@code requestKey}: stored now as PENDING, or the one stored by an earlier try. */
    Dispatch claim(String requestKey, UUID invoiceId, DocumentKind kind, int letterNumber, Channel channel) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        insert into dispatch (id, request_key, invoice_id, document_kind, letter_number, channel, status,
                                              created_at, updated_at)
                        values (:id, :key, :invoice, :kind, :number, :channel, 'PENDING', :now, :now)
                        on conflict (request_key) do nothing""")
                .param("id", UUID.randomUUID())
                .param("key", requestKey)
                .param("invoice", invoiceId)
                .param("kind", kind.name())
                .param("number", letterNumber)
                .param("channel", channel.name())
                .param("now", now)
                .update();
        Dispatch claimed = jdbc.sql("select * from dispatch where request_key = :key").param("key", requestKey)
                .query(DispatchStore::map).single();
        if (!claimed.invoiceId().equals(invoiceId) || claimed.kind() != kind || claimed.letterNumber() != letterNumber
                || claimed.channel() != channel) {
            throw new IllegalStateException("Request key " + requestKey + " belongs to dispatch " + claimed.id()
                    + " of another document or channel");
        }
        return claimed;
    }

    /** The dispatch that delivered this document, if one did. */
    Optional<Dispatch> delivered(UUID invoiceId, DocumentKind kind, int letterNumber) {
        return jdbc.sql("""
                        select * from dispatch where invoice_id = :invoice and document_kind = :kind
                           and letter_number = :number and status = 'DELIVERED' order by delivered_at limit 1""")
                .param("invoice", invoiceId).param("kind", kind.name()).param("number", letterNumber)
                .query(DispatchStore::map).optional();
    }

    Optional<Dispatch> find(UUID id) {
        return jdbc.sql("select * from dispatch where id = :id").param("id", id).query(DispatchStore::map).optional();
    }

    /** Moves an open dispatch (PENDING or ACCEPTED) on; false when it had an outcome already. */
    boolean settle(UUID id, DispatchStatus status, String detail, String providerReference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                        update dispatch set status = :status, detail = coalesce(:detail, detail),
                               provider_reference = coalesce(:reference, provider_reference), updated_at = :now,
                               delivered_at = case when :status = 'DELIVERED' then :now else delivered_at end
                         where id = :id and status in ('PENDING', 'ACCEPTED')""")
                .param("status", status.name())
                .param("detail", detail)
                .param("reference", providerReference)
                .param("now", now)
                .param("id", id)
                .update() == 1;
    }

    /** An accepted e-mail without bounce: delivered when it was sent. */
    void deliveredWithoutBounce(UUID id) {
        jdbc.sql("""
                        update dispatch set status = 'DELIVERED', detail = 'no bounce reported', updated_at = :now,
                               delivered_at = created_at
                         where id = :id and status in ('PENDING', 'ACCEPTED')""")
                .param("now", OffsetDateTime.now(clock))
                .param("id", id)
                .update();
    }

    /** The first time this provider event is seen; false for a replay. */
    boolean firstReport(Channel channel, String eventId, UUID dispatchId, DispatchStatus status) {
        return jdbc.sql("""
                        insert into delivery_report (channel, event_id, dispatch_id, status, received_at)
                        values (:channel, :event, :dispatch, :status, :now) on conflict do nothing""")
                .param("channel", channel.name())
                .param("event", eventId)
                .param("dispatch", dispatchId)
                .param("status", status.name())
                .param("now", OffsetDateTime.now(clock))
                .update() == 1;
    }

    List<Dispatch> ofInvoice(UUID invoiceId) {
        return jdbc.sql("select * from dispatch where invoice_id = :invoice order by created_at, letter_number")
                .param("invoice", invoiceId).query(DispatchStore::map).list();
    }

    private static Dispatch map(ResultSet rs, int row) throws SQLException {
        return new Dispatch(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                DocumentKind.valueOf(rs.getString("document_kind")), rs.getInt("letter_number"),
                Channel.valueOf(rs.getString("channel")), DispatchStatus.valueOf(rs.getString("status")),
                rs.getString("detail"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("delivered_at", OffsetDateTime.class));
    }
}
