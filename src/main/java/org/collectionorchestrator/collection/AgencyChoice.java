package org.collectionorchestrator.collection;

import java.math.BigDecimal;
import java.util.List;

/**
 * What Java enforces whatever {@code dmn/agency-selection.dmn} answers: the agency named must be one of the
 * creditor's and serve the invoice's country, segment and amount; with no agency named, the first of the creditor's
 * agencies (by id) that serves the invoice is chosen.
 */
final class AgencyChoice {

    private AgencyChoice() {
    }

    /** The agency for the invoice; {@link IllegalStateException} naming the reason when none may take it. */
    static Agency choose(List<Agency> creditorsAgencies, String named, String creditorId, String country, String segment,
                         BigDecimal outstanding) {
        if (named != null && !named.isBlank()) {
            Agency agency = creditorsAgencies.stream().filter(a -> a.id().equals(named)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The agency selection chose agency '" + named
                            + "', which is not one of creditor " + creditorId + "'s agencies"));
            if (!agency.serves(country, segment, outstanding)) {
                throw new IllegalStateException("The agency selection chose agency '" + named + "', which does not take "
                        + country + " " + segment + " invoices of " + outstanding.toPlainString() + " (countries "
                        + agency.countries() + ", segments " + agency.segments() + ", minimum "
                        + agency.minimumAmount().toPlainString() + ")");
            }
            return agency;
        }
        return creditorsAgencies.stream().filter(a -> a.serves(country, segment, outstanding)).findFirst()
                .orElseThrow(() -> new IllegalStateException("None of creditor " + creditorId + "'s agencies "
                        + creditorsAgencies.stream().map(Agency::id).toList() + " takes " + country + " " + segment
                        + " invoices of " + outstanding.toPlainString()));
    }
}
