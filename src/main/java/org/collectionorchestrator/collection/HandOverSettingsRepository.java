package org.collectionorchestrator.collection;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HandOverSettingsRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    HandOverSettingsRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when created. */
    boolean save(HandOverSettings settings) {
        return jdbc.sql("""
                        insert into hand_over_settings (creditor_id, review_day, review_time, approval_window, notify_email, updated_at)
                        values (:creditor, :day, :time, :window, :email, :now)
                        on conflict (creditor_id) do update set review_day = excluded.review_day,
                            review_time = excluded.review_time, approval_window = excluded.approval_window,
                            notify_email = excluded.notify_email, updated_at = excluded.updated_at
                        returning (xmax = 0)""")
                .param("creditor", settings.creditorId())
                .param("day", settings.reviewDay().name())
                .param("time", settings.reviewTime())
                .param("window", settings.approvalWindow().toString())
                .param("email", settings.notifyEmail())
                .param("now", OffsetDateTime.now(clock))
                .query(Boolean.class).single();
    }

    Optional<HandOverSettings> find(String creditorId) {
        return jdbc.sql("select * from hand_over_settings where creditor_id = :creditor")
                .param("creditor", creditorId)
                .query((rs, row) -> new HandOverSettings(rs.getString("creditor_id"),
                        DayOfWeek.valueOf(rs.getString("review_day")), rs.getObject("review_time", LocalTime.class),
                        Duration.parse(rs.getString("approval_window")), rs.getString("notify_email")))
                .optional();
    }
}
