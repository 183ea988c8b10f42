package org.collectionorchestrator.collection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.distribution.DeliveryHistory.DeliveredLetter;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.dunning.SentLetters.SentLetter;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.PostalAddress;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.money.Money;

/**
 * The JSON bodies we send to agencies, version 1 (docs/agency-webhooks/schemas/*.v1.json describe them). Plain maps
 * in the order the contract lists the fields.
 */
final class HandOverPayloads {

    static final int VERSION = 1;

    private HandOverPayloads() {
    }

    static Map<String, Object> handOver(CollectionCase collectionCase, Agency agency, Creditor creditor, Invoice invoice,
                                        InvoiceBalance balance, List<SentLetter> letters, List<DeliveredLetter> delivered,
                                        List<AuditTrail.Entry> audit, String publicBaseUrl, Instant now) {
        Map<String, Object> body = header("hand-over", collectionCase, agency, now);
        body.put("creditor", ordered("id", creditor.id(), "name", creditor.name(), "country", creditor.country().name()));
        var c = invoice.customer();
        Map<String, Object> debtor = ordered("customerId", c.id(), "name", c.name(), "segment", c.segment().name(),
                "country", c.country(), "language", c.language());
        debtor.put("email", c.email());
        PostalAddress address = c.channels().postalAddress();
        debtor.put("postalAddress", address == null ? null : ordered("street", address.street(),
                "postalCode", address.postalCode(), "city", address.city(), "country", address.country()));
        debtor.put("peppolParticipantId", c.channels().peppolParticipantId());
        body.put("debtor", debtor);
        Map<String, Object> invoiceBody = ordered("id", invoice.id().toString(), "invoiceNumber", invoice.invoiceNumber(),
                "issueDate", invoice.issueDate().toString(), "dueDate", invoice.dueDate().toString(),
                "currency", invoice.amount().currency().getCurrencyCode());
        invoiceBody.put("amount", invoice.amount().toPlainString());
        invoiceBody.put("paymentReference", invoice.paymentReference());
        invoiceBody.put("outstanding", ordered("principal", plain(balance.principal()), "fees", plain(balance.fees()),
                "interest", plain(balance.interest()), "compensation", plain(balance.compensation()),
                "total", plain(balance.outstanding())));
        body.put("invoice", invoiceBody);
        body.put("ourCollectionNoticeSent", letters.stream().anyMatch(l -> l.kind() == LetterKind.NOTICE));
        List<Map<String, Object>> letterList = new ArrayList<>();
        List<Map<String, Object>> documents = new ArrayList<>();
        Map<Integer, DeliveredLetter> deliveries = new HashMap<>();
        delivered.forEach(d -> deliveries.put(d.letterNumber(), d));
        for (SentLetter letter : letters) {
            String url = publicBaseUrl + "/api/v1/invoices/" + invoice.id() + "/letters/" + letter.letterNumber();
            Map<String, Object> l = ordered("letterNumber", letter.letterNumber(), "kind", letter.kind().name(),
                    "letterDate", letter.letterDate().toString());
            l.put("payBy", letter.payBy() == null ? null : letter.payBy().toString());
            l.put("fee", letter.fee() == null ? null : letter.fee().toPlainString());
            DeliveredLetter delivery = deliveries.get(letter.letterNumber());
            l.put("channel", delivery == null ? null : delivery.channel());
            l.put("deliveredAt", delivery == null || delivery.deliveredAt() == null ? null
                    : delivery.deliveredAt().toInstant().toString());
            l.put("document", url);
            letterList.add(l);
            documents.add(ordered("kind", "LETTER", "letterNumber", letter.letterNumber(), "mediaType", "application/pdf",
                    "sha256", letter.sha256()));
            documents.getLast().put("url", url);
        }
        body.put("letters", letterList);
        body.put("documents", documents);
        List<Map<String, Object>> disputes = new ArrayList<>();
        for (AuditTrail.Entry entry : audit) {
            if (entry.type() == AuditEventType.DISPUTED || entry.type() == AuditEventType.DISPUTE_RESOLVED) {
                Map<String, Object> d = ordered("at", entry.at().toString(), "event", entry.type().name());
                d.putAll(entry.details());
                disputes.add(d);
            }
        }
        body.put("disputes", disputes);
        return body;
    }

    static Map<String, Object> payment(CollectionCase collectionCase, Agency agency, String paymentId, Money amount,
                                       String bookingDate, Money outstanding, Instant now) {
        Map<String, Object> body = header("payment-received", collectionCase, agency, now);
        body.put("paymentId", paymentId);
        body.put("amount", amount.toPlainString());
        body.put("currency", amount.currency().getCurrencyCode());
        body.put("bookingDate", bookingDate);
        body.put("outstanding", outstanding.toPlainString());
        return body;
    }

    static Map<String, Object> recall(CollectionCase collectionCase, Agency agency, Instant now) {
        Map<String, Object> body = header("recall", collectionCase, agency, now);
        body.put("reason", collectionCase.recallReason());
        return body;
    }

    private static Map<String, Object> header(String type, CollectionCase collectionCase, Agency agency, Instant now) {
        Map<String, Object> body = ordered("schemaVersion", VERSION, "type", type, "caseId", collectionCase.id().toString(),
                "agencyId", agency.id(), "sentAt", now.toString());
        body.put("invoiceId", collectionCase.invoiceId().toString());
        return body;
    }

    private static String plain(Money money) {
        return money.toPlainString();
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
