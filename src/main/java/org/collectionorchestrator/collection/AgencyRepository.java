package org.collectionorchestrator.collection;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgencyRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    AgencyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates or replaces the agency; true when created. The caller has checked it is not another creditor's. */
    boolean save(Agency agency) {
        Integer inserted = jdbc.sql("""
                        insert into collection_agency (id, creditor_id, name, webhook_url, secret_ref, countries, segments,
                                                       minimum_amount, updated_at)
                        values (:id, :creditor, :name, :url, :ref, :countries, :segments, :minimum, :now)
                        on conflict (id) do update set name = excluded.name, webhook_url = excluded.webhook_url,
                            secret_ref = excluded.secret_ref, countries = excluded.countries, segments = excluded.segments,
                            minimum_amount = excluded.minimum_amount, updated_at = excluded.updated_at
                          where collection_agency.creditor_id = excluded.creditor_id
                        returning (xmax = 0)::int""")
                .param("id", agency.id())
                .param("creditor", agency.creditorId())
                .param("name", agency.name())
                .param("url", agency.webhookUrl().toString())
                .param("ref", agency.secretRef())
                .param("countries", agency.countries().toArray(String[]::new))
                .param("segments", agency.segments().toArray(String[]::new))
                .param("minimum", agency.minimumAmount())
                .param("now", OffsetDateTime.now(clock))
                .query(Integer.class)
                .optional().orElse(null);
        if (inserted == null) {
            throw new IllegalStateException("Agency " + agency.id() + " belongs to another creditor");
        }
        return inserted == 1;
    }

    Optional<Agency> find(String id) {
        return jdbc.sql("select * from collection_agency where id = :id").param("id", id).query(this::map).optional();
    }

    /** The creditor's agencies in id order: the order a choice falls back on. */
    List<Agency> ofCreditor(String creditorId) {
        return jdbc.sql("select * from collection_agency where creditor_id = :creditor order by id")
                .param("creditor", creditorId).query(this::map).list();
    }

    private Agency map(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("id"), rs.getString("creditor_id"), rs.getString("name"),
                URI.create(rs.getString("webhook_url")), rs.getString("secret_ref"), set(rs.getArray("countries")),
                set(rs.getArray("segments")), rs.getBigDecimal("minimum_amount").stripTrailingZeros());
    }

    private static Set<String> set(Array array) throws SQLException {
        return new LinkedHashSet<>(List.of((String[]) array.getArray()));
    }
}
