/**
 * Collection hand-over: a creditor's collection agencies (configuration), the weekly hand-over review, the agency
 * case of each handed-over invoice (signed hand-over webhook, payments and recalls reported to the agency) and the
 * agency's signed callbacks. Money is booked by the payment module's named operations; invoice states change only
 * through {@code invoice.InvoiceLifecycle}.
 */
package org.collectionorchestrator.collection;
