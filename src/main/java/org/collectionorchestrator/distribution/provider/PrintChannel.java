package org.collectionorchestrator.distribution.provider;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collectionorchestrator.distribution.Delivery;
import org.collectionorchestrator.distribution.DeliveryChannel;
import org.collectionorchestrator.distribution.Recipient;
import org.collectionorchestrator.distribution.SendResult;
import org.collectionorchestrator.invoice.Channel;

/** Paper: the PDF to a print house, which prints and posts it; returned letters come back as BOUNCED reports. */
public class PrintChannel implements DeliveryChannel {

    private final ProviderClient client;

    public PrintChannel(ProviderClient client) {
        this.client = client;
    }

    @Override
    public Channel channel() {
        return Channel.PRINT;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.postalAddress() != null;
    }

    @Override
    public SendResult send(Delivery delivery) {
        Recipient r = delivery.recipient();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", r.name());
        address.put("street", r.postalAddress().street());
        address.put("postalCode", r.postalAddress().postalCode());
        address.put("city", r.postalAddress().city());
        address.put("country", r.postalAddress().country());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dispatchId", delivery.dispatchId().toString());
        body.put("recipient", address);
        body.put("sender", delivery.creditorName());
        body.put("postage", "A");
        body.put("fileName", delivery.fileName());
        body.put("pdf", Base64.getEncoder().encodeToString(delivery.pdf()));
        return client.send(delivery.dispatchId(), body);
    }
}
