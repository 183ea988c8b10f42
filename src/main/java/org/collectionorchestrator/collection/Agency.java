package org.collectionorchestrator.collection;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Set;

/**
 * A collection agency one creditor works with: where hand-overs go, which secret signs them (by reference), and which
 * invoices it takes (countries, customer segments, a minimum amount outstanding in the creditor's currency).
 */
public record Agency(String id, String creditorId, String name, URI webhookUrl, String secretRef, Set<String> countries,
                     Set<String> segments, BigDecimal minimumAmount) {

    /** Whether the agency takes an invoice of this country and segment with this much outstanding. */
    public boolean serves(String country, String segment, BigDecimal outstanding) {
        return countries.contains(country) && segments.contains(segment) && outstanding.compareTo(minimumAmount) >= 0;
    }
}
