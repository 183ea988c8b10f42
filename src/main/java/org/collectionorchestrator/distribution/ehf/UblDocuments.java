package org.collectionorchestrator.distribution.ehf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CreditedQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.InvoicedQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.LineExtensionAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PayableAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PriceAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExclusiveAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxInclusiveAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxableAmountType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import com.helger.ubl21.UBL21Marshaller;

/**
 * Builds PEPPOL BIS Billing 3.0 (= EHF Billing 3.0) documents with ph-ubl from the data an invoice is followed up
 * with: one line for the amount owed, outside the scope of VAT (category O: we do not know the ERP's VAT breakdown,
 * and fees and interest are outside VAT), the payment reference as {@code PaymentID} (BT-83) and the creditor's
 * account. The ERP's own UBL, when it sends one, is always preferred over this summary.
 */
public final class UblDocuments {

    public static final String CUSTOMIZATION_ID =
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /** Seller and buyer as the document names them; participant ids are {@code scheme:id}. */
    public record Party(String participantId, String name, String countryCode) {
    }

    /**
     * @param buyerReference BT-10, the buyer's reference (our customer number when the ERP gave none)
     * @param creditedInvoice for a credit note: the invoice number it credits (BT-25); null for an invoice
     */
    public record Document(String number, java.time.LocalDate issueDate, java.time.LocalDate dueDate, String currency,
                           BigDecimal amount, String description, String buyerReference, String paymentReference,
                           String account, Party seller, Party buyer, String creditedInvoice) {
    }

    private UblDocuments() {
    }

    public static byte[] invoice(Document d) {
        InvoiceType invoice = new InvoiceType();
        invoice.setCustomizationID(CUSTOMIZATION_ID);
        invoice.setProfileID(PROFILE_ID);
        invoice.setID(d.number());
        invoice.setIssueDate(d.issueDate());
        invoice.setDueDate(d.dueDate());
        invoice.setInvoiceTypeCode("380");
        invoice.setDocumentCurrencyCode(d.currency());
        invoice.setBuyerReference(d.buyerReference());
        invoice.setAccountingSupplierParty(supplier(d.seller()));
        invoice.setAccountingCustomerParty(customer(d.buyer()));
        invoice.addPaymentMeans(paymentMeans(d));
        invoice.addTaxTotal(taxTotal(d));
        invoice.setLegalMonetaryTotal(totals(d));
        InvoiceLineType line = new InvoiceLineType();
        line.setID("1");
        InvoicedQuantityType quantity = new InvoicedQuantityType(BigDecimal.ONE);
        quantity.setUnitCode("C62");
        line.setInvoicedQuantity(quantity);
        line.setLineExtensionAmount(amount(new LineExtensionAmountType(), d));
        line.setItem(item(d));
        line.setPrice(price(d));
        invoice.addInvoiceLine(line);
        return UBL21Marshaller.invoice().getAsBytes(invoice);
    }

    public static byte[] creditNote(Document d) {
        CreditNoteType note = new CreditNoteType();
        note.setCustomizationID(CUSTOMIZATION_ID);
        note.setProfileID(PROFILE_ID);
        note.setID(d.number());
        note.setIssueDate(d.issueDate());
        note.setCreditNoteTypeCode("381");
        note.setDocumentCurrencyCode(d.currency());
        note.setBuyerReference(d.buyerReference());
        if (d.creditedInvoice() != null) {
            BillingReferenceType reference = new BillingReferenceType();
            DocumentReferenceType credited = new DocumentReferenceType();
            credited.setID(d.creditedInvoice());
            reference.setInvoiceDocumentReference(credited);
            note.addBillingReference(reference);
        }
        note.setAccountingSupplierParty(supplier(d.seller()));
        note.setAccountingCustomerParty(customer(d.buyer()));
        note.addTaxTotal(taxTotal(d));
        note.setLegalMonetaryTotal(totals(d));
        CreditNoteLineType line = new CreditNoteLineType();
        line.setID("1");
        CreditedQuantityType quantity = new CreditedQuantityType(BigDecimal.ONE);
        quantity.setUnitCode("C62");
        line.setCreditedQuantity(quantity);
        line.setLineExtensionAmount(amount(new LineExtensionAmountType(), d));
        line.setItem(item(d));
        line.setPrice(price(d));
        note.addCreditNoteLine(line);
        return UBL21Marshaller.creditNote().getAsBytes(note);
    }

    private static SupplierPartyType supplier(Party seller) {
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party(seller));
        return supplier;
    }

    private static CustomerPartyType customer(Party buyer) {
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party(buyer));
        return customer;
    }

    private static PartyType party(Party p) {
        PartyType party = new PartyType();
        String[] id = p.participantId().split(":", 2);
        EndpointIDType endpoint = new EndpointIDType(id[1]);
        endpoint.setSchemeID(id[0]);
        party.setEndpointID(endpoint);
        PartyNameType name = new PartyNameType();
        name.setName(p.name());
        party.addPartyName(name);
        AddressType address = new AddressType();
        CountryType country = new CountryType();
        country.setIdentificationCode(p.countryCode());
        address.setCountry(country);
        party.setPostalAddress(address);
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(p.name());
        // BT-30: the legal registration id, the participant id's national number (an organisation number)
        oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CompanyIDType company =
                new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CompanyIDType(id[1]);
        company.setSchemeID(id[0]);
        legal.setCompanyID(company);
        party.addPartyLegalEntity(legal);
        return party;
    }

    private static PaymentMeansType paymentMeans(Document d) {
        PaymentMeansType means = new PaymentMeansType();
        means.setPaymentMeansCode("30");
        if (d.paymentReference() != null) {
            means.addPaymentID(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType(
                    d.paymentReference()));
        }
        if (d.account() != null) {
            FinancialAccountType account = new FinancialAccountType();
            account.setID(d.account());
            means.setPayeeFinancialAccount(account);
        }
        return means;
    }

    private static TaxTotalType taxTotal(Document d) {
        TaxTotalType total = new TaxTotalType();
        total.setTaxAmount(zeroTax(d));
        TaxSubtotalType sub = new TaxSubtotalType();
        sub.setTaxableAmount(amount(new TaxableAmountType(), d));
        sub.setTaxAmount(zeroTax(d));
        TaxCategoryType category = outsideVat();
        category.addTaxExemptionReason(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType("Not subject to VAT"));
        sub.setTaxCategory(category);
        total.addTaxSubtotal(sub);
        return total;
    }

    private static TaxAmountType zeroTax(Document d) {
        TaxAmountType tax = new TaxAmountType(BigDecimal.ZERO.setScale(2));
        tax.setCurrencyID(d.currency());
        return tax;
    }

    private static TaxCategoryType outsideVat() {
        TaxCategoryType category = new TaxCategoryType();
        category.setID("O");
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID("VAT");
        category.setTaxScheme(scheme);
        return category;
    }

    private static MonetaryTotalType totals(Document d) {
        MonetaryTotalType totals = new MonetaryTotalType();
        totals.setLineExtensionAmount(amount(new LineExtensionAmountType(), d));
        totals.setTaxExclusiveAmount(amount(new TaxExclusiveAmountType(), d));
        totals.setTaxInclusiveAmount(amount(new TaxInclusiveAmountType(), d));
        totals.setPayableAmount(amount(new PayableAmountType(), d));
        return totals;
    }

    private static ItemType item(Document d) {
        ItemType item = new ItemType();
        item.setName(d.description());
        item.addClassifiedTaxCategory(classified());
        return item;
    }

    private static oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType classified() {
        return outsideVat();
    }

    private static PriceType price(Document d) {
        PriceType price = new PriceType();
        price.setPriceAmount(amount(new PriceAmountType(), d));
        return price;
    }

    private static <T extends oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.AmountType> T amount(
            T type, Document d) {
        int digits = Currency.getInstance(d.currency()).getDefaultFractionDigits();
        type.setValue(d.amount().setScale(Math.max(digits, 2), RoundingMode.HALF_UP));
        type.setCurrencyID(d.currency());
        return type;
    }
}
