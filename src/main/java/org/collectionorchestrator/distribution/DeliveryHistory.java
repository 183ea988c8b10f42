package org.collectionorchestrator.distribution;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What reached the customer of an invoice, and how: for the hand-over to an agency and for people asking. */
@Component
public class DeliveryHistory {

    /**
     * One letter that reached the debtor.
     *
     * @param documentKind REMINDER or COLLECTION_NOTICE (the distribution table's document type)
     * @param channel      EHF, EFAKTURA, EMAIL, PRINT; OTHER when credit control recorded a delivery another way
     */
    public record DeliveredLetter(int letterNumber, String documentKind, String channel, OffsetDateTime deliveredAt) {
    }

    private final JdbcClient jdbc;
    private final DispatchStore store;

    DeliveryHistory(JdbcClient jdbc, DispatchStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** The invoice's delivered letters by letter number; a letter not (yet) delivered is absent. */
    public List<DeliveredLetter> deliveredLetters(UUID invoiceId) {
        return jdbc.sql("""
                        select l.letter_number,
                               case when l.kind in ('NOTICE', 'PAYMENT_DEMAND') then 'COLLECTION_NOTICE' else 'REMINDER' end
                                   as document_kind,
                               coalesce(d.channel, 'OTHER') as channel,
                               coalesce(d.delivered_at, l.delivered_on::timestamptz) as delivered_at
                          from letter l
                          left join lateral (select channel, delivered_at from dispatch
                                              where invoice_id = l.invoice_id and letter_number = l.letter_number
                                                and status = 'DELIVERED' order by delivered_at limit 1) d on true
                         where l.invoice_id = :invoice and (d.delivered_at is not null or l.delivered_on is not null)
                         order by l.letter_number""")
                .param("invoice", invoiceId)
                .query((rs, row) -> new DeliveredLetter(rs.getInt("letter_number"), rs.getString("document_kind"),
                        rs.getString("channel"), rs.getObject("delivered_at", OffsetDateTime.class)))
                .list();
    }

    /** Every dispatch of the invoice, oldest first: what was tried by which channel and what became of it. */
    public List<Dispatch> dispatches(UUID invoiceId) {
        return store.ofInvoice(invoiceId);
    }
}
