package org.collectionorchestrator.effects;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes side effects idempotent. Zeebe delivers a job at least once, so before a letter, fee, webhook or posting
 * is made, its business key is claimed here in the same transaction; a second delivery finds the key taken.
 */
@Component
public class SideEffectLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SideEffectLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record SideEffect(String businessKey, String kind, String payload, OffsetDateTime createdAt) {
    }

    /** Claims the key; true when this call is the first, false when the effect was made before. */
    public boolean claim(String businessKey, UUID invoiceId, String kind, String payload) {
        return jdbc.sql("""
                        insert into side_effect (business_key, invoice_id, kind, payload, created_at)
                        values (:key, :invoice, :kind, :payload, :now) on conflict (business_key) do nothing""")
                .param("key", businessKey)
                .param("invoice", invoiceId)
                .param("kind", kind)
                .param("payload", payload)
                .param("now", OffsetDateTime.now(clock))
                .update() == 1;
    }

    public boolean exists(String businessKey) {
        return jdbc.sql("select count(*) from side_effect where business_key = :key")
                .param("key", businessKey).query(Integer.class).single() > 0;
    }

    public int count(UUID invoiceId, String kind) {
        return jdbc.sql("select count(*) from side_effect where invoice_id = :invoice and kind = :kind")
                .param("invoice", invoiceId)
                .param("kind", kind)
                .query(Integer.class)
                .single();
    }

    public List<SideEffect> of(UUID invoiceId, String kind) {
        return jdbc.sql("select * from side_effect where invoice_id = :invoice and kind = :kind order by created_at, business_key")
                .param("invoice", invoiceId)
                .param("kind", kind)
                .query((rs, row) -> new SideEffect(rs.getString("business_key"), rs.getString("kind"),
                        rs.getString("payload"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
