package org.collectionorchestrator.creditor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreditorRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CreditorRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Creditor> find(String id) {
        return jdbc.sql("select * from creditor where id = :id")
                .param("id", id)
                .query(CreditorRepository::map)
                .optional();
    }

    /**
     * Inserts or replaces in one statement, so two first PUTs at once cannot both try to insert; returns true when
     * the creditor is new ({@code xmax = 0}: the row version was inserted, not updated, by this statement).
     */
    public boolean save(Creditor creditor) {
        return jdbc.sql("""
                        insert into creditor (id, name, country, currency, language, time_zone, reminder_fee_agreed, created_at, updated_at)
                        values (:id, :name, :country, :currency, :language, :zone, :feeAgreed, :now, :now)
                        on conflict (id) do update set name = excluded.name, country = excluded.country,
                            currency = excluded.currency, language = excluded.language, time_zone = excluded.time_zone,
                            reminder_fee_agreed = excluded.reminder_fee_agreed, updated_at = excluded.updated_at
                        returning (xmax = 0) as inserted""")
                .params(params(creditor, OffsetDateTime.now(clock)))
                .query(Boolean.class)
                .single();
    }

    private static Map<String, Object> params(Creditor creditor, OffsetDateTime now) {
        return Map.of(
                "id", creditor.id(),
                "name", creditor.name(),
                "country", creditor.country().name(),
                "currency", creditor.currency().getCurrencyCode(),
                "language", creditor.language(),
                "zone", creditor.timeZone().getId(),
                "feeAgreed", creditor.policy().reminderFeeAgreed(),
                "now", now);
    }

    private static Creditor map(ResultSet rs, int row) throws SQLException {
        return new Creditor(
                rs.getString("id"),
                rs.getString("name"),
                Country.valueOf(rs.getString("country")),
                Currency.getInstance(rs.getString("currency")),
                rs.getString("language"),
                ZoneId.of(rs.getString("time_zone")),
                new CreditorPolicy(rs.getBoolean("reminder_fee_agreed")));
    }
}
