package org.collectionorchestrator.creditor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
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

    /** Inserts or replaces; returns true when the creditor is new. */
    public boolean save(Creditor creditor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                        update creditor set name = :name, country = :country, currency = :currency, language = :language,
                               time_zone = :zone, reminder_fee_agreed = :feeAgreed, updated_at = :now
                         where id = :id""")
                .params(params(creditor, now))
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("""
                        insert into creditor (id, name, country, currency, language, time_zone, reminder_fee_agreed, created_at, updated_at)
                        values (:id, :name, :country, :currency, :language, :zone, :feeAgreed, :now, :now)""")
                .params(params(creditor, now))
                .update();
        return true;
    }

    private static java.util.Map<String, Object> params(Creditor creditor, OffsetDateTime now) {
        return java.util.Map.of(
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
