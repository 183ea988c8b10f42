package org.collectionorchestrator.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.collectionorchestrator.creditor.BankAccount;
import org.collectionorchestrator.invoice.PayableInvoices.PayableInvoice;
import org.collectionorchestrator.reference.PaymentReferences;

/**
 * Everything one creditor's payments may name, loaded once for a whole bank file (or one payment): invoices by
 * reference, number and id, customers by their fixed reference and by accounts they paid from before, and unpaid
 * invoices by amount. Matching then needs no database.
 */
final class MatchIndex {

    private final Map<String, PayableInvoice> byReference = new HashMap<>();
    private final Map<String, PayableInvoice> byNumber = new HashMap<>();
    private final Map<UUID, PayableInvoice> byId = new HashMap<>();
    private final Map<String, String> customerByReference = new HashMap<>();
    private final Map<String, List<PayableInvoice>> awaitingByCustomer = new HashMap<>();
    private final Map<BigDecimal, List<PayableInvoice>> awaitingByAmount = new HashMap<>();
    private final Map<String, Set<String>> customersByDebtorAccount = new HashMap<>();

    MatchIndex addInvoices(Collection<PayableInvoice> invoices) {
        for (PayableInvoice invoice : invoices) {
            byId.put(invoice.id(), invoice);
            byNumber.put(number(invoice.invoiceNumber()), invoice);
            if (invoice.paymentReference() != null) {
                byReference.put(PaymentReferences.normalize(invoice.paymentReference()), invoice);
            }
        }
        return this;
    }

    MatchIndex addCustomerReferences(Map<String, String> customerIdByReference) {
        customerIdByReference.forEach((reference, customer) ->
                customerByReference.put(PaymentReferences.normalize(reference), customer));
        return this;
    }

    MatchIndex addAwaitingOfCustomers(Map<String, List<PayableInvoice>> byCustomer) {
        awaitingByCustomer.putAll(byCustomer);
        return this;
    }

    MatchIndex addAwaitingByAmount(Collection<PayableInvoice> invoices) {
        invoices.forEach(invoice -> awaitingByAmount.computeIfAbsent(amountKey(invoice.amount().amount()),
                a -> new ArrayList<>()).add(invoice));
        return this;
    }

    MatchIndex addDebtorAccounts(Map<String, Set<String>> customersByAccount) {
        customersByAccount.forEach((account, customers) ->
                customersByDebtorAccount.computeIfAbsent(account(account), a -> new HashSet<>()).addAll(customers));
        return this;
    }

    PayableInvoice invoiceByReference(String reference) {
        return byReference.get(PaymentReferences.normalize(reference));
    }

    PayableInvoice invoiceByNumber(String number) {
        return byNumber.get(number(number));
    }

    PayableInvoice invoiceById(UUID id) {
        return byId.get(id);
    }

    String customerByReference(String reference) {
        return customerByReference.get(PaymentReferences.normalize(reference));
    }

    List<PayableInvoice> awaitingOfCustomer(String customerId) {
        return awaitingByCustomer.getOrDefault(customerId, List.of());
    }

    List<PayableInvoice> awaitingWithAmount(BigDecimal amount) {
        return awaitingByAmount.getOrDefault(amountKey(amount), List.of());
    }

    Set<String> customersPayingFrom(String debtorAccount) {
        return debtorAccount == null ? Set.of() : customersByDebtorAccount.getOrDefault(account(debtorAccount), Set.of());
    }

    static BigDecimal amountKey(BigDecimal amount) {
        return amount.stripTrailingZeros();
    }

    static String number(String invoiceNumber) {
        return invoiceNumber.strip().toUpperCase(Locale.ROOT);
    }

    /** Accounts are compared as the creditor's own are: {@link BankAccount#normalise}. */
    static String account(String account) {
        return BankAccount.normalise(account);
    }
}
