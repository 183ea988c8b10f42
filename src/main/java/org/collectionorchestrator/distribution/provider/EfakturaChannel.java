package org.collectionorchestrator.distribution.provider;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collectionorchestrator.distribution.Delivery;
import org.collectionorchestrator.distribution.DeliveryChannel;
import org.collectionorchestrator.distribution.Recipient;
import org.collectionorchestrator.distribution.SendResult;
import org.collectionorchestrator.invoice.Channel;

/**
 * eFaktura / Vipps eFaktura through an e-invoice distributor: the payment details as structured data (amount, due
 * date, KID, account) and the PDF. The distributor looks the payer up ("Ja takk til alle") and reports whether the
 * payer has an eFaktura address; "no receiver" comes back as REJECTED.
 */
public class EfakturaChannel implements DeliveryChannel {

    private final ProviderClient client;

    public EfakturaChannel(ProviderClient client) {
        this.client = client;
    }

    @Override
    public Channel channel() {
        return Channel.EFAKTURA;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.efakturaConsent();
    }

    @Override
    public SendResult send(Delivery delivery) {
        Recipient r = delivery.recipient();
        Delivery.PaymentDetails p = delivery.payment();
        Map<String, Object> payer = new LinkedHashMap<>();
        payer.put("name", r.name());
        payer.put("email", r.email());
        if (r.postalAddress() != null) {
            payer.put("postalCode", r.postalAddress().postalCode());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dispatchId", delivery.dispatchId().toString());
        body.put("issuer", delivery.creditorName());
        body.put("payer", payer);
        body.put("documentType", delivery.kind().name());
        body.put("invoiceNumber", p.invoiceNumber());
        body.put("amount", p.amount().toPlainString());
        body.put("currency", p.currency());
        body.put("dueDate", p.payBy().toString());
        body.put("kid", p.paymentReference());
        body.put("account", p.bankAccount());
        body.put("pdf", Base64.getEncoder().encodeToString(delivery.pdf()));
        return client.send(delivery.dispatchId(), body);
    }
}
