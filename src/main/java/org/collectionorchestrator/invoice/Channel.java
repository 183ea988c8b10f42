package org.collectionorchestrator.invoice;

/** A way a document reaches the customer. */
public enum Channel {
    /** EHF / PEPPOL BIS Billing 3.0 over a PEPPOL access point, to the customer's participant id. */
    EHF,
    /** eFaktura / Vipps eFaktura (Norwegian consumers who consented), through an e-invoice distributor. */
    EFAKTURA,
    /** E-mail with the PDF attached. */
    EMAIL,
    /** Printed and posted by a print house to the postal address. */
    PRINT
}
