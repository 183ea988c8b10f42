package org.collectionorchestrator.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The relay's SQL on {@code outbox_message}. */
@Component
class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} due rows of the channel that are each the first pending row of their key. A row whose
     * predecessor is pending (or being sent by another relay, which holds its lock) waits: per key, rows leave in
     * order. Rows locked by another relay are skipped, so relays in several replicas never send a row at once.
     */
    List<OutboxRecord> claimHeads(String channel, int limit) {
        return jdbc.sql("""
                        select o.id, o.channel, o.ordering_key, o.message_type, o.payload::text as payload, o.attempts
                          from outbox_message o
                         where o.channel = :channel and o.status = 'PENDING' and o.next_attempt_at <= now()
                           and not exists (select 1 from outbox_message p
                                            where p.channel = o.channel and p.ordering_key = o.ordering_key
                                              and p.status = 'PENDING' and p.id < o.id)
                         order by o.id
                         limit :limit
                           for update of o skip locked""")
                .param("channel", channel)
                .param("limit", limit)
                .query((rs, row) -> new OutboxRecord(rs.getLong("id"), rs.getString("channel"),
                        rs.getString("ordering_key"), rs.getString("message_type"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
    }

    void markSent(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update outbox_message set status = 'SENT', sent_at = now(), attempts = attempts + 1 where id in (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }

    void markFailed(long id, String error, Duration retryAfter) {
        jdbc.sql("""
                        update outbox_message set attempts = attempts + 1, last_error = :error,
                               next_attempt_at = now() + cast(:retryAfter as interval)
                         where id = :id""")
                .param("error", error)
                .param("retryAfter", retryAfter.toMillis() + " milliseconds")
                .param("id", id)
                .update();
    }

    void park(long id, String error) {
        jdbc.sql("update outbox_message set attempts = attempts + 1, last_error = :error, status = 'PARKED' where id = :id")
                .param("error", error)
                .param("id", id)
                .update();
    }

    int deleteSentBefore(Duration age) {
        return jdbc.sql("delete from outbox_message where status = 'SENT' and sent_at < now() - cast(:age as interval)")
                .param("age", age.toSeconds() + " seconds")
                .update();
    }

    /** Pending rows and the age of the oldest in seconds, per channel. */
    List<Backlog> backlog() {
        return jdbc.sql("""
                        select channel, count(*) as pending, coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
                          from outbox_message where status = 'PENDING' group by channel""")
                .query((rs, row) -> new Backlog(rs.getString("channel"), rs.getLong("pending"), rs.getDouble("oldest")))
                .list();
    }

    long due(String channel) {
        return jdbc.sql("select count(*) from outbox_message where channel = :channel and status = 'PENDING' and next_attempt_at <= now()")
                .param("channel", channel).query(Long.class).single();
    }

    long parked(String channel) {
        return jdbc.sql("select count(*) from outbox_message where channel = :channel and status = 'PARKED'")
                .param("channel", channel).query(Long.class).single();
    }

    record Backlog(String channel, long pending, double oldestSeconds) {
    }
}
