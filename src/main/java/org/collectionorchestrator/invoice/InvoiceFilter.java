package org.collectionorchestrator.invoice;

/**
 * Which invoices a list shows; a null field does not filter.
 *
 * @param country        the customer's ISO 3166 country, upper case
 * @param minDaysOverdue invoices still awaiting payment whose due date is at least this many days before today in the
 *                       creditor's time zone
 * @param text           a case-insensitive part of the invoice number or the customer's name
 */
public record InvoiceFilter(String creditorId, InvoiceStatus status, Segment segment, String country,
                            Integer minDaysOverdue, String text) {

    public static InvoiceFilter of(String creditorId, InvoiceStatus status) {
        return new InvoiceFilter(creditorId, status, null, null, null, null);
    }
}
