package org.collectionorchestrator.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceRepository {

    /**
     * {@code payer_reference} is the reference the payer must use: the invoice's own, or, when it has none, its
     * customer's fixed reference (creditors whose references name the customer); it is what {@link Invoice#paymentReference()}
     * holds when read here. The column {@code invoice.payment_reference} stays the invoice's own.
     */
    private static final String SELECT = """
            select i.*, coalesce(i.payment_reference, c.payment_reference) as payer_reference,
                   case when i.payment_reference is null then c.payment_reference_type
                        else i.payment_reference_type end as payer_reference_type,
                   c.name as customer_name, c.segment, c.priority, c.country as customer_country,
                   c.language as customer_language, c.email as customer_email,
                   c.reminder_fee_agreed as customer_reminder_fee_agreed, c.manual_follow_up_reason,
                   c.address_street, c.address_postal_code, c.address_city, c.address_country,
                   c.peppol_participant_id, c.efaktura_consent, c.preferred_channel
              from invoice i join customer c on c.creditor_id = i.creditor_id and c.id = i.customer_id
            """;

    /** The list filter's joins and conditions; a null parameter does not filter. Today is in the creditor's zone. */
    private static final String FILTERED = """
             join creditor cr on cr.id = i.creditor_id
             where (cast(:creditor as varchar) is null or i.creditor_id = :creditor)
               and (cast(:status as varchar) is null or i.status = :status)
               and (cast(:segment as varchar) is null or c.segment = :segment)
               and (cast(:country as varchar) is null or upper(c.country) = :country)
               and (cast(:minDays as integer) is null
                    or (i.status in (:awaitingPayment)
                        and i.due_date <= cast(cast(:now as timestamptz) at time zone cr.time_zone as date)
                                          - cast(:minDays as integer)))
               and (cast(:text as varchar) is null
                    or i.invoice_number ilike :text escape '\\' or c.name ilike :text escape '\\')
            """;

    private static final List<String> AWAITING_PAYMENT = Arrays.stream(InvoiceStatus.values())
            .filter(InvoiceStatus::awaitsPayment).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final Clock clock;

    public InvoiceRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Invoice> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(InvoiceRepository::map).optional();
    }

    /** Reads the invoice and holds its row lock until the transaction ends: payments and dunning take turns. */
    public Optional<Invoice> lock(UUID id) {
        return jdbc.sql(SELECT + " where i.id = :id for update of i").param("id", id).query(InvoiceRepository::map).optional();
    }

    public Optional<Invoice> findByNumber(String creditorId, String invoiceNumber) {
        return jdbc.sql(SELECT + " where i.creditor_id = :creditor and i.invoice_number = :number")
                .param("creditor", creditorId)
                .param("number", invoiceNumber)
                .query(InvoiceRepository::map)
                .optional();
    }

    public Optional<Invoice> findByPaymentReference(String creditorId, String reference) {
        return jdbc.sql(SELECT + " where i.creditor_id = :creditor and i.payment_reference = :reference")
                .param("creditor", creditorId)
                .param("reference", reference)
                .query(InvoiceRepository::map)
                .optional();
    }

    public List<Invoice> list(String creditorId, InvoiceStatus status, int limit, long offset) {
        return list(InvoiceFilter.of(creditorId, status), limit, offset);
    }

    /** A page of the invoices the filter lets through, by due date, then invoice number. */
    public List<Invoice> list(InvoiceFilter filter, int limit, long offset) {
        return jdbc.sql(SELECT + FILTERED + " order by i.due_date, i.invoice_number, i.id limit :limit offset :offset")
                .params(filterParams(filter))
                .param("limit", limit)
                .param("offset", offset)
                .query(InvoiceRepository::map)
                .list();
    }

    public long count(InvoiceFilter filter) {
        return jdbc.sql("select count(*) from invoice i join customer c on c.creditor_id = i.creditor_id"
                        + " and c.id = i.customer_id" + FILTERED)
                .params(filterParams(filter))
                .query(Long.class)
                .single();
    }

    private Map<String, Object> filterParams(InvoiceFilter filter) {
        Map<String, Object> params = new HashMap<>(); // null values, which Map.of refuses
        params.put("creditor", filter.creditorId());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("segment", filter.segment() == null ? null : filter.segment().name());
        params.put("country", filter.country());
        params.put("minDays", filter.minDaysOverdue());
        params.put("awaitingPayment", AWAITING_PAYMENT);
        params.put("now", OffsetDateTime.now(clock));
        params.put("text", filter.text() == null ? null : "%" + filter.text().replaceAll("[\\\\%_]", "\\\\$0") + "%");
        return params;
    }

    /** Inserts the invoice; false when the (creditor, invoice number) key exists already. */
    public boolean insert(Invoice invoice) {
        return jdbc.sql("""
                        insert into invoice (id, creditor_id, invoice_number, customer_id, issue_date, due_date, currency, amount,
                                             payment_reference, payment_reference_type, status, request_fingerprint, registered_at)
                        values (:id, :creditor, :number, :customer, :issue, :due, :currency, :amount,
                                :reference, :referenceType, :status, :fingerprint, :registeredAt)
                        on conflict (creditor_id, invoice_number) do nothing""")
                .param("id", invoice.id())
                .param("creditor", invoice.creditorId())
                .param("number", invoice.invoiceNumber())
                .param("customer", invoice.customer().id())
                .param("issue", invoice.issueDate())
                .param("due", invoice.dueDate())
                .param("currency", invoice.amount().currency().getCurrencyCode())
                .param("amount", invoice.amount().amount())
                .param("reference", invoice.paymentReference())
                .param("referenceType", invoice.paymentReferenceType())
                .param("status", invoice.status().name())
                .param("fingerprint", invoice.requestFingerprint())
                .param("registeredAt", OffsetDateTime.ofInstant(invoice.registeredAt(), clock.getZone()))
                .update() == 1;
    }

    public void upsertCustomer(String creditorId, Customer customer) {
        PostalAddress address = customer.channels().postalAddress();
        jdbc.sql("""
                        insert into customer (creditor_id, id, name, segment, priority, country, language, email,
                                              reminder_fee_agreed, manual_follow_up_reason, address_street,
                                              address_postal_code, address_city, address_country, peppol_participant_id,
                                              efaktura_consent, preferred_channel, updated_at)
                        values (:creditor, :id, :name, :segment, :priority, :country, :language, :email, :feeAgreed,
                                :manualReason, :street, :postalCode, :city, :addressCountry, :participantId,
                                :efakturaConsent, :preferredChannel, :now)
                        on conflict (creditor_id, id) do update set name = excluded.name, segment = excluded.segment,
                            priority = excluded.priority, country = excluded.country, language = excluded.language,
                            email = excluded.email, reminder_fee_agreed = excluded.reminder_fee_agreed,
                            manual_follow_up_reason = excluded.manual_follow_up_reason,
                            address_street = excluded.address_street, address_postal_code = excluded.address_postal_code,
                            address_city = excluded.address_city, address_country = excluded.address_country,
                            peppol_participant_id = excluded.peppol_participant_id,
                            efaktura_consent = excluded.efaktura_consent, preferred_channel = excluded.preferred_channel,
                            updated_at = excluded.updated_at""")
                .param("creditor", creditorId)
                .param("id", customer.id())
                .param("name", customer.name())
                .param("segment", customer.segment().name())
                .param("priority", customer.priority())
                .param("country", customer.country())
                .param("language", customer.language())
                .param("email", customer.email())
                .param("feeAgreed", customer.reminderFeeAgreed())
                .param("manualReason", customer.manualFollowUpReason())
                .param("street", address == null ? null : address.street())
                .param("postalCode", address == null ? null : address.postalCode())
                .param("city", address == null ? null : address.city())
                .param("addressCountry", address == null ? null : address.country())
                .param("participantId", customer.channels().peppolParticipantId())
                .param("efakturaConsent", customer.channels().efakturaConsent())
                .param("preferredChannel", customer.channels().preferredChannel() == null ? null
                        : customer.channels().preferredChannel().name())
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * The customers of {@code creditorId} whose fixed payment reference is one of {@code normalisedReferences}
     * ({@link org.collectionorchestrator.reference.PaymentReferences#normalize}d), by reference; one query for any
     * number of references. A reference no customer has is absent.
     */
    public Map<String, String> customersByReference(String creditorId, Collection<String> normalisedReferences) {
        if (normalisedReferences.isEmpty()) {
            return Map.of();
        }
        Map<String, String> customers = new HashMap<>();
        jdbc.sql("""
                        select payment_reference, id from customer
                         where creditor_id = :creditor and payment_reference = any(:references)""")
                .param("creditor", creditorId)
                .param("references", normalisedReferences.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> customers.put(rs.getString("payment_reference"), rs.getString("id")))
                .list();
        return customers;
    }

    /** The next internal number a generated reference is built on. */
    long nextReferenceNumber() {
        return jdbc.sql("select nextval('payment_reference_number')").query(Long.class).single();
    }

    /** Whether an invoice or a customer of the creditor has the (normalised) reference already. */
    boolean referenceTaken(String creditorId, String reference) {
        return jdbc.sql("""
                        select exists (select 1 from invoice where creditor_id = :creditor and payment_reference = :reference)
                            or exists (select 1 from customer where creditor_id = :creditor and payment_reference = :reference)""")
                .param("creditor", creditorId)
                .param("reference", reference)
                .query(Boolean.class)
                .single();
    }

    Optional<ReferenceIssuer.Issued> customerReference(String creditorId, String customerId) {
        return jdbc.sql("""
                        select payment_reference, payment_reference_type from customer
                         where creditor_id = :creditor and id = :customer and payment_reference is not null""")
                .param("creditor", creditorId)
                .param("customer", customerId)
                .query((rs, row) -> new ReferenceIssuer.Issued(rs.getString("payment_reference"),
                        PaymentReferenceScheme.valueOf(rs.getString("payment_reference_type"))))
                .optional();
    }

    void assignCustomerReference(String creditorId, String customerId, ReferenceIssuer.Issued issued) {
        jdbc.sql("""
                        update customer set payment_reference = :reference, payment_reference_type = :type
                         where creditor_id = :creditor and id = :customer and payment_reference is null""")
                .param("reference", issued.reference())
                .param("type", issued.scheme().name())
                .param("creditor", creditorId)
                .param("customer", customerId)
                .update();
    }

    void updateStatus(UUID id, InvoiceStatus status) {
        jdbc.sql("update invoice set status = :status where id = :id").param("status", status.name()).param("id", id).update();
    }

    /** Open again after a reversed payment, without a process until the new one links itself. */
    void reopen(UUID id) {
        jdbc.sql("update invoice set status = 'OPEN', process_instance_key = null where id = :id").param("id", id).update();
    }

    /** Records the process instance once; false if another start recorded one first. */
    boolean recordProcessInstance(UUID id, long processInstanceKey) {
        return jdbc.sql("update invoice set process_instance_key = :key where id = :id and process_instance_key is null")
                .param("key", processInstanceKey)
                .param("id", id)
                .update() == 1;
    }

    private static ContactChannels channels(ResultSet rs) throws SQLException {
        String street = rs.getString("address_street");
        PostalAddress address = street == null ? null : new PostalAddress(street, rs.getString("address_postal_code"),
                rs.getString("address_city"), rs.getString("address_country"));
        String preferred = rs.getString("preferred_channel");
        return new ContactChannels(address, rs.getString("peppol_participant_id"), rs.getBoolean("efaktura_consent"),
                preferred == null ? null : Channel.valueOf(preferred));
    }

    private static Invoice map(ResultSet rs, int row) throws SQLException {
        long key = rs.getLong("process_instance_key");
        Long processInstanceKey = rs.wasNull() ? null : key;
        Customer customer = new Customer(
                rs.getString("customer_id"),
                rs.getString("customer_name"),
                Segment.valueOf(rs.getString("segment")),
                rs.getBoolean("priority"),
                rs.getString("customer_country"),
                rs.getString("customer_language"),
                rs.getString("customer_email"),
                rs.getBoolean("customer_reminder_fee_agreed"),
                rs.getString("manual_follow_up_reason"),
                channels(rs));
        return new Invoice(
                rs.getObject("id", UUID.class),
                rs.getString("creditor_id"),
                rs.getString("invoice_number"),
                customer,
                rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getString("payer_reference"),
                rs.getString("payer_reference_type"),
                InvoiceStatus.valueOf(rs.getString("status")),
                processInstanceKey,
                rs.getString("request_fingerprint"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant());
    }
}
