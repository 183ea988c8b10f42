package org.collectionorchestrator.payment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.collectionorchestrator.invoice.PayableInvoices.PayableInvoice;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.PaymentBooking.Target;
import org.collectionorchestrator.payment.PaymentMatch.Rule;
import org.collectionorchestrator.payment.bankfile.BankTransaction.ReferredDocument;

/**
 * Finds the invoices a payment pays, trying in this order and stopping at the first rule that finds any:
 * <ol>
 *   <li>the invoice id named directly (REST);</li>
 *   <li>structured references: an invoice's reference, or a customer's fixed reference (that customer's unpaid
 *       invoices, oldest due first; the rest is the customer's credit);</li>
 *   <li>invoices named in the structured remittance ({@code RfrdDocInf}), each up to the amount remitted for it;</li>
 *   <li>an invoice reference, customer reference or invoice number found in the free text;</li>
 *   <li>amount and payer: among the creditor's unpaid invoices of exactly that amount, the one whose customer has the
 *       payer's name or paid from the payer's account before, only when exactly one fits.</li>
 * </ol>
 * Several invoices named by one payment are paid in the order named, each what it owes, the rest flowing on to the
 * next and finally to the customer's account. Invoices in another currency are never paid. A reference is the payer's
 * own statement of what they pay: the amount decides only how much is paid and what becomes credit.
 */
final class PaymentMatcher {

    private PaymentMatcher() {
    }

    static PaymentMatch match(PaymentFacts facts, MatchIndex index) {
        List<Function<PaymentFacts, Optional<Found>>> rules = List.of(
                f -> byInvoiceId(f, index),
                f -> byStructuredReferences(f, index),
                f -> byReferredDocuments(f, index),
                f -> byText(f, index),
                f -> byAmountAndDebtor(f, index));
        boolean currencyMismatch = false;
        for (Function<PaymentFacts, Optional<Found>> rule : rules) {
            Optional<Found> found = rule.apply(facts);
            if (found.isEmpty()) {
                continue;
            }
            if (found.get().ambiguous()) {
                return PaymentMatch.unmatched(PaymentMatch.AMBIGUOUS);
            }
            List<Target> targets = found.get().targets(facts.amount());
            if (!targets.isEmpty() || found.get().customerId() != null) {
                return PaymentMatch.found(found.get().rule(), targets, found.get().customerId());
            }
            currencyMismatch = true;
        }
        if (currencyMismatch) {
            return PaymentMatch.unmatched(PaymentMatch.CURRENCY_MISMATCH);
        }
        boolean named = facts.invoiceId() != null || !facts.structuredReferences().isEmpty()
                || !facts.referredDocuments().isEmpty();
        return PaymentMatch.unmatched(named ? PaymentMatch.UNKNOWN_REFERENCE : PaymentMatch.NO_REFERENCE);
    }

    /** What one rule found: invoices with how much each may take, and a customer for the rest. */
    private record Found(Rule rule, Map<PayableInvoice, Money> invoices, String customerId, boolean ambiguous) {

        static Found of(Rule rule, Map<PayableInvoice, Money> invoices, String customerId) {
            return new Found(rule, invoices, customerId, false);
        }

        List<Target> targets(Money amount) {
            List<Target> targets = new ArrayList<>();
            invoices.forEach((invoice, upTo) -> {
                if (invoice.amount().currency().equals(amount.currency())) {
                    targets.add(new Target(invoice.id(), upTo));
                }
            });
            return targets;
        }
    }

    private static Optional<Found> byInvoiceId(PaymentFacts facts, MatchIndex index) {
        if (facts.invoiceId() == null) {
            return Optional.empty();
        }
        PayableInvoice invoice = index.invoiceById(facts.invoiceId());
        return invoice == null ? Optional.empty() : Optional.of(Found.of(Rule.INVOICE_ID, whole(List.of(invoice)), null));
    }

    private static Optional<Found> byStructuredReferences(PaymentFacts facts, MatchIndex index) {
        return byReferences(facts.structuredReferences(), index, Rule.STRUCTURED_REFERENCE, false);
    }

    private static Optional<Found> byReferredDocuments(PaymentFacts facts, MatchIndex index) {
        Map<PayableInvoice, Money> invoices = new LinkedHashMap<>();
        for (ReferredDocument document : facts.referredDocuments()) {
            if (document.creditNote() || document.number() == null) {
                continue;
            }
            PayableInvoice invoice = Optional.ofNullable(index.invoiceByNumber(document.number()))
                    .orElseGet(() -> index.invoiceByReference(document.number()));
            if (invoice != null) {
                invoices.putIfAbsent(invoice, document.amount() == null || document.amount().signum() <= 0 ? null
                        : new Money(document.amount(), invoice.amount().currency()));
            }
        }
        return invoices.isEmpty() ? Optional.empty() : Optional.of(Found.of(Rule.REFERRED_DOCUMENT, invoices, null));
    }

    private static Optional<Found> byText(PaymentFacts facts, MatchIndex index) {
        List<String> words = List.copyOf(RemittanceText.candidates(facts.unstructured()));
        Optional<Found> byReference = byReferences(words, index, Rule.REMITTANCE_TEXT, true);
        if (byReference.isPresent()) {
            return byReference;
        }
        List<PayableInvoice> byNumber = words.stream().map(index::invoiceByNumber).filter(i -> i != null).distinct().toList();
        return byNumber.isEmpty() ? Optional.empty() : Optional.of(Found.of(Rule.REMITTANCE_TEXT, whole(byNumber), null));
    }

    private static Optional<Found> byReferences(List<String> references, MatchIndex index, Rule invoiceRule,
                                                boolean fromText) {
        List<PayableInvoice> invoices = new ArrayList<>();
        String customer = null;
        for (String reference : references) {
            PayableInvoice invoice = index.invoiceByReference(reference);
            if (invoice != null) {
                invoices.add(invoice);
            } else if (customer == null) {
                customer = index.customerByReference(reference);
            }
        }
        if (invoices.isEmpty() && customer == null) {
            return Optional.empty();
        }
        if (invoices.isEmpty()) {
            Rule rule = fromText ? Rule.REMITTANCE_TEXT : Rule.CUSTOMER_REFERENCE;
            return Optional.of(Found.of(rule, whole(index.awaitingOfCustomer(customer)), customer));
        }
        return Optional.of(Found.of(invoiceRule, whole(invoices.stream().distinct().toList()), null));
    }

    private static Optional<Found> byAmountAndDebtor(PaymentFacts facts, MatchIndex index) {
        if (facts.debtorName() == null && facts.debtorAccount() == null) {
            return Optional.empty();
        }
        Set<String> payingCustomers = index.customersPayingFrom(facts.debtorAccount());
        List<PayableInvoice> fitting = index.awaitingWithAmount(facts.amount().amount()).stream()
                .filter(invoice -> invoice.amount().currency().equals(facts.amount().currency()))
                .filter(invoice -> payingCustomers.contains(invoice.customerId())
                        || PayerNames.same(facts.debtorName(), invoice.customerName()))
                .toList();
        if (fitting.isEmpty()) {
            return Optional.empty();
        }
        if (fitting.size() > 1) {
            return Optional.of(new Found(Rule.AMOUNT_AND_DEBTOR, Map.of(), null, true));
        }
        return Optional.of(Found.of(Rule.AMOUNT_AND_DEBTOR, whole(fitting), null));
    }

    private static Map<PayableInvoice, Money> whole(List<PayableInvoice> invoices) {
        Map<PayableInvoice, Money> map = new LinkedHashMap<>();
        invoices.forEach(invoice -> map.put(invoice, null));
        return map;
    }
}
