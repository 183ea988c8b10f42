package org.collectionorchestrator.creditor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreditorRepository {

    /** The creditor and its accounts in one statement: {@code account currency} pairs, comma-separated, in order. */
    private static final String SELECT = """
            select c.*, (select string_agg(a.account || ' ' || a.currency, ',' order by a.position)
                           from creditor_bank_account a where a.creditor_id = c.id) as bank_accounts
              from creditor c""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public CreditorRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Creditor> find(String id) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(CreditorRepository::map)
                .optional();
    }

    /** Every creditor, by id. */
    public List<Creditor> all() {
        return jdbc.sql(SELECT + " order by c.id collate \"C\"").query(CreditorRepository::map).list();
    }

    /** The creditors with these ids that exist, by id. */
    public List<Creditor> all(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.id in (:ids) order by c.id collate \"C\"").param("ids", ids)
                .query(CreditorRepository::map).list();
    }

    /**
     * Inserts or replaces in one statement, so two first PUTs at once cannot both try to insert; returns true when
     * the creditor is new ({@code xmax = 0}: the row version was inserted, not updated, by this statement).
     */
    public boolean save(Creditor creditor) {
        boolean created = jdbc.sql("""
                        insert into creditor (id, name, country, currency, language, time_zone, reminder_fee_agreed,
                                              payment_order, waive_costs_when_principal_paid, minimum_reminder_amount,
                                              write_off_tolerance, grace_banking_days, collection_model, bank_account,
                                              reference_scheme, reference_length, reference_target, created_at, updated_at)
                        values (:id, :name, :country, :currency, :language, :zone, :feeAgreed, :paymentOrder, :waive,
                                :minimumReminder, :tolerance, :graceDays, :collectionModel, :bankAccount,
                                :referenceScheme, :referenceLength, :referenceTarget, :now, :now)
                        on conflict (id) do update set name = excluded.name, country = excluded.country,
                            currency = excluded.currency, language = excluded.language, time_zone = excluded.time_zone,
                            reminder_fee_agreed = excluded.reminder_fee_agreed, payment_order = excluded.payment_order,
                            waive_costs_when_principal_paid = excluded.waive_costs_when_principal_paid,
                            minimum_reminder_amount = excluded.minimum_reminder_amount,
                            write_off_tolerance = excluded.write_off_tolerance,
                            grace_banking_days = excluded.grace_banking_days,
                            collection_model = excluded.collection_model, bank_account = excluded.bank_account,
                            reference_scheme = excluded.reference_scheme, reference_length = excluded.reference_length,
                            reference_target = excluded.reference_target, updated_at = excluded.updated_at
                        returning (xmax = 0) as inserted""")
                .params(params(creditor, OffsetDateTime.now(clock)))
                .query(Boolean.class)
                .single();
        saveAccounts(creditor);
        return created;
    }

    /** Replaces the accounts; the creditor's row lock (taken by the upsert) keeps two PUTs from mixing their lists. */
    private void saveAccounts(Creditor creditor) {
        jdbc.sql("delete from creditor_bank_account where creditor_id = :id").param("id", creditor.id()).update();
        List<BankAccount> accounts = creditor.banking().bankAccounts();
        for (int i = 0; i < accounts.size(); i++) {
            jdbc.sql("""
                            insert into creditor_bank_account (creditor_id, account, currency, position)
                            values (:id, :account, :currency, :position)""")
                    .param("id", creditor.id())
                    .param("account", accounts.get(i).account())
                    .param("currency", accounts.get(i).currency().getCurrencyCode())
                    .param("position", i)
                    .update();
        }
    }

    private static Map<String, Object> params(Creditor creditor, OffsetDateTime now) {
        CreditorPolicy policy = creditor.policy();
        Map<String, Object> params = new HashMap<>();
        params.put("id", creditor.id());
        params.put("name", creditor.name());
        params.put("country", creditor.country().name());
        params.put("currency", creditor.currency().getCurrencyCode());
        params.put("language", creditor.language());
        params.put("zone", creditor.timeZone().getId());
        params.put("feeAgreed", policy.reminderFeeAgreed());
        params.put("paymentOrder", policy.paymentOrder().name());
        params.put("waive", policy.waiveCostsWhenPrincipalPaid());
        params.put("minimumReminder", policy.minimumReminderAmount());
        params.put("tolerance", policy.writeOffTolerance());
        params.put("graceDays", policy.graceBankingDays());
        params.put("collectionModel", policy.collectionModel().name());
        params.put("bankAccount", policy.bankAccount()); // nullable: Map.of would refuse it
        params.put("referenceScheme", creditor.banking().referenceScheme().name());
        params.put("referenceLength", creditor.banking().referenceLength());
        params.put("referenceTarget", creditor.banking().referenceTarget().name());
        params.put("now", now);
        return params;
    }

    private static Creditor map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        int scale = currency.getDefaultFractionDigits();
        CreditorPolicy policy = new CreditorPolicy(
                rs.getBoolean("reminder_fee_agreed"),
                PaymentOrder.valueOf(rs.getString("payment_order")),
                rs.getBoolean("waive_costs_when_principal_paid"),
                rs.getBigDecimal("minimum_reminder_amount").setScale(scale),
                rs.getBigDecimal("write_off_tolerance").setScale(scale),
                rs.getInt("grace_banking_days"),
                CollectionModel.valueOf(rs.getString("collection_model")),
                rs.getString("bank_account"));
        return new Creditor(
                rs.getString("id"),
                rs.getString("name"),
                Country.valueOf(rs.getString("country")),
                currency,
                rs.getString("language"),
                ZoneId.of(rs.getString("time_zone")),
                policy,
                banking(rs));
    }

    private static CreditorBanking banking(ResultSet rs) throws SQLException {
        int length = rs.getInt("reference_length");
        Integer referenceLength = rs.wasNull() ? null : length;
        List<BankAccount> accounts = new ArrayList<>();
        String listed = rs.getString("bank_accounts");
        if (listed != null) {
            for (String pair : listed.split(",")) {
                String[] parts = pair.split(" ");
                accounts.add(new BankAccount(parts[0], Currency.getInstance(parts[1])));
            }
        }
        return new CreditorBanking(PaymentReferenceScheme.valueOf(rs.getString("reference_scheme")), referenceLength,
                ReferenceTarget.valueOf(rs.getString("reference_target")), accounts);
    }
}
