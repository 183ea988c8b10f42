package org.collectionorchestrator.distribution.ehf;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collectionorchestrator.distribution.Delivery;
import org.collectionorchestrator.distribution.DeliveryChannel;
import org.collectionorchestrator.distribution.DocumentKind;
import org.collectionorchestrator.distribution.Recipient;
import org.collectionorchestrator.distribution.SendResult;
import org.collectionorchestrator.distribution.provider.ProviderClient;
import org.collectionorchestrator.invoice.Channel;

/**
 * EHF / PEPPOL BIS Billing 3.0 through an access point's REST API. Only invoices and credit notes exist in BIS
 * Billing 3.0, so only those go this way (the distribution table never picks EHF for a reminder; a reminder asked
 * for here is REJECTED). The document is built and validated against the PEPPOL rules before it leaves: a document
 * that fails them is REJECTED here and never reaches the network.
 */
public class EhfChannel implements DeliveryChannel {

    public static final String INVOICE_DOCUMENT_TYPE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice"
            + "##" + UblDocuments.CUSTOMIZATION_ID + "::2.1";
    public static final String CREDIT_NOTE_DOCUMENT_TYPE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::"
            + "CreditNote##" + UblDocuments.CUSTOMIZATION_ID + "::2.1";

    private final ProviderClient accessPoint;
    private final PeppolRules rules;

    public EhfChannel(ProviderClient accessPoint, PeppolRules rules) {
        this.accessPoint = accessPoint;
        this.rules = rules;
    }

    @Override
    public Channel channel() {
        return Channel.EHF;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.peppolParticipantId() != null;
    }

    @Override
    public SendResult send(Delivery delivery) {
        if (delivery.kind() != DocumentKind.INVOICE && delivery.kind() != DocumentKind.CREDIT_NOTE) {
            return SendResult.rejected("PEPPOL BIS Billing 3.0 has no " + delivery.kind() + " document");
        }
        if (delivery.creditorParticipantId() == null) {
            return SendResult.rejected("the creditor has no PEPPOL participant id (collection.distribution.creditors."
                    + "<id>.peppol-participant-id)");
        }
        byte[] ubl = build(delivery);
        PeppolRules.Verdict verdict = rules.validate(ubl);
        if (!verdict.valid()) {
            return SendResult.rejected("the document breaks the PEPPOL BIS Billing 3.0 rules: "
                    + String.join("; ", verdict.errors()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dispatchId", delivery.dispatchId().toString());
        body.put("sender", "iso6523-actorid-upis::" + delivery.creditorParticipantId());
        body.put("receiver", "iso6523-actorid-upis::" + delivery.recipient().peppolParticipantId());
        body.put("documentType", delivery.kind() == DocumentKind.INVOICE ? INVOICE_DOCUMENT_TYPE : CREDIT_NOTE_DOCUMENT_TYPE);
        body.put("process", "cenbii-procid-ubl::" + UblDocuments.PROFILE_ID);
        body.put("document", Base64.getEncoder().encodeToString(ubl));
        return accessPoint.send(delivery.dispatchId(), body);
    }

    byte[] build(Delivery d) {
        Delivery.PaymentDetails p = d.payment();
        Recipient r = d.recipient();
        UblDocuments.Document document = new UblDocuments.Document(p.invoiceNumber(), p.issueDate(), p.payBy(),
                p.currency(), p.amount(), "Invoice " + p.invoiceNumber(), r.customerId(), p.paymentReference(),
                p.bankAccount(), new UblDocuments.Party(d.creditorParticipantId(), d.creditorName(), d.creditorCountry()),
                new UblDocuments.Party(r.peppolParticipantId(), r.name(), r.country()),
                d.kind() == DocumentKind.CREDIT_NOTE ? p.invoiceNumber() : null);
        return d.kind() == DocumentKind.CREDIT_NOTE ? UblDocuments.creditNote(document) : UblDocuments.invoice(document);
    }
}
