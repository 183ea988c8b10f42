package org.collectionorchestrator.effects;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
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

    /** What was stored with the key when it was claimed (e.g. a request fingerprint), if it is claimed. */
    public Optional<String> payload(String businessKey) {
        return jdbc.sql("select payload from side_effect where business_key = :key")
                .param("key", businessKey).query(String.class).optional();
    }

    public boolean exists(String businessKey) {
        return jdbc.sql("select count(*) from side_effect where business_key = :key")
                .param("key", businessKey).query(Integer.class).single() > 0;
    }

    /** How many effects of each of {@code kinds} each invoice has had, in one query (absent: none). */
    public Map<UUID, Map<String, Integer>> counts(Collection<UUID> invoiceIds, Collection<String> kinds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<String, Integer>> counts = new HashMap<>();
        jdbc.sql("""
                        select invoice_id, kind, count(*) from side_effect
                         where kind in (:kinds) and invoice_id in (:ids) group by invoice_id, kind""")
                .param("kinds", kinds)
                .param("ids", invoiceIds)
                .query((rs, row) -> counts.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                        .put(rs.getString(2), rs.getInt(3)))
                .list();
        return counts;
    }
}
