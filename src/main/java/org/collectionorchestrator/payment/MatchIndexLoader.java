package org.collectionorchestrator.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.PayableInvoices;
import org.collectionorchestrator.payment.bankfile.BankTransaction.ReferredDocument;
import org.collectionorchestrator.reference.PaymentReferences;
import org.springframework.stereotype.Component;

/**
 * Loads what a batch of payments may name in a fixed number of queries, whatever the batch's size: the invoices and
 * customer references every reference, document number and word of text could be, their customers' unpaid invoices,
 * and — only for payments still without an invoice — the unpaid invoices of their amounts and the customers who paid
 * from their accounts before.
 */
@Component
class MatchIndexLoader {

    private final PayableInvoices invoices;
    private final InvoiceRepository customers;
    private final PaymentRows payments;

    MatchIndexLoader(PayableInvoices invoices, InvoiceRepository customers, PaymentRows payments) {
        this.invoices = invoices;
        this.customers = customers;
        this.payments = payments;
    }

    /** Matches every payment of one creditor: a few queries for the lot. */
    List<PaymentMatch> matchAll(String creditorId, List<PaymentFacts> facts) {
        MatchIndex index = namedBy(creditorId, facts);
        List<PaymentMatch> matches = new ArrayList<>(facts.stream().map(f -> PaymentMatcher.match(f, index)).toList());
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            if (!matches.get(i).matched() && (facts.get(i).debtorName() != null || facts.get(i).debtorAccount() != null)) {
                open.add(i);
            }
        }
        if (!open.isEmpty()) {
            addAmountsAndPayers(index, creditorId, open.stream().map(facts::get).toList());
            open.forEach(i -> matches.set(i, PaymentMatcher.match(facts.get(i), index)));
        }
        return matches;
    }

    private MatchIndex namedBy(String creditorId, List<PaymentFacts> facts) {
        Set<String> references = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (PaymentFacts f : facts) {
            if (f.invoiceId() != null) {
                ids.add(f.invoiceId());
            }
            f.structuredReferences().forEach(r -> references.add(PaymentReferences.normalize(r)));
            f.referredDocuments().stream().map(ReferredDocument::number).filter(Objects::nonNull).forEach(n -> {
                numbers.add(n.strip());
                references.add(PaymentReferences.normalize(n));
            });
            RemittanceText.candidates(f.unstructured()).forEach(word -> {
                numbers.add(word);
                references.add(PaymentReferences.normalize(word));
            });
        }
        references.remove("");
        Map<String, String> customerReferences = customers.customersByReference(creditorId, references);
        return new MatchIndex()
                .addInvoices(invoices.named(creditorId, references, withUpperCase(numbers), ids))
                .addCustomerReferences(customerReferences)
                .addAwaitingOfCustomers(invoices.awaitingPaymentOf(creditorId, new HashSet<>(customerReferences.values())));
    }

    private void addAmountsAndPayers(MatchIndex index, String creditorId, List<PaymentFacts> open) {
        Map<String, Set<BigDecimal>> amountsByCurrency = new HashMap<>();
        open.forEach(f -> amountsByCurrency.computeIfAbsent(f.amount().currency().getCurrencyCode(), c -> new HashSet<>())
                .add(f.amount().amount()));
        amountsByCurrency.forEach((currency, amounts) ->
                index.addAwaitingByAmount(invoices.awaitingPaymentWithAmount(creditorId, currency, amounts)));
        Set<String> accounts = new HashSet<>();
        open.stream().map(PaymentFacts::debtorAccount).filter(Objects::nonNull).map(MatchIndex::account).forEach(accounts::add);
        index.addDebtorAccounts(payments.customersByDebtorAccount(creditorId, accounts));
    }


    private static Set<String> withUpperCase(Set<String> numbers) {
        Set<String> all = new HashSet<>(numbers);
        numbers.forEach(n -> all.add(n.toUpperCase(Locale.ROOT)));
        return all;
    }
}
