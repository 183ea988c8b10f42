package org.collectionorchestrator.dunning.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;

/** The conditions of a fee that are not about dates: a cap exists, agreement, dispute, compensation, currency. */
final class FeeConditions {

    private FeeConditions() {
    }

    static List<String> refusals(FeeRequest request, Optional<Money> cap, LawBook law) {
        List<String> refusals = new ArrayList<>();
        Country country = request.country();
        if (cap.isEmpty()) {
            refusals.add(noFee(request, law));
        } else if (!cap.get().currency().equals(request.requestedFee().currency())) {
            refusals.add(country + ": the fee cap is in " + cap.get().currency().getCurrencyCode() + "; a fee in "
                    + request.requestedFee().currency().getCurrencyCode() + " is not charged (no conversion)");
        }
        if (request.disputed()) {
            refusals.add(disputed(country));
        }
        if (country == Country.SE && request.kind() == LetterKind.REMINDER && !request.reminderFeeAgreed()) {
            refusals.add("SE lag (1981:739) om ersättning för inkassokostnader 2 §: a reminder fee only if the "
                    + "debtor agreed to it at the latest when the debt arose");
        }
        if (request.compensationClaimed() && request.segment() == Segment.BUSINESS) {
            compensationReplacesFees(country).ifPresent(refusals::add);
        }
        return refusals;
    }

    static String capped(FeeRequest request, Money cap, LawBook law) {
        String rule = law.row(LawRule.FEE_CAP, request.country(), request.segment(), request.kind(),
                request.letterDate()).map(LawRow::law).orElse("fee cap");
        return "%s %s: the fee for a %s on %s is at most %s (asked: %s)".formatted(request.country(), rule,
                request.kind(), request.letterDate(), cap, request.requestedFee());
    }

    private static String noFee(FeeRequest request, LawBook law) {
        if (request.kind() == LetterKind.FRIENDLY_NOTICE) {
            return request.country() + ": a friendly notice before the due date never carries a fee";
        }
        if (request.country() == Country.NO && law.norwegianNewCollectionActInForce(request.letterDate())) {
            return "NO inkassoloven 2026 (LOV-2026-05-22-19, in force from "
                    + law.norwayNewCollectionActFrom().orElseThrow()
                    + ") §§ 19–21: a creditor's own inkassovarsel or betalingsoppfordring carries no fee";
        }
        return "%s: the law book has no fee for a %s to a %s debtor on %s".formatted(request.country(),
                request.kind(), request.segment(), request.letterDate());
    }

    private static String disputed(Country country) {
        return switch (country) {
            case NO -> "NO inkassoloven § 17: no fee while the claim is disputed (the debtor may have reasonable objections)";
            case DK -> "DK renteloven § 9 b (Forbrugerombudsmanden practice): no fee while the claim is disputed";
            case SE, FI -> country + " house rule (issue 14): no fee while the claim is disputed";
        };
    }

    // Simplified: the law deducts the compensation from later fees (NO) or lets it replace them up to its amount
    // (SE); we charge no fee at all once it is claimed, which is never more than the law allows.
    private static Optional<String> compensationReplacesFees(Country country) {
        return switch (country) {
            case NO -> Optional.of("NO inkassoforskriften § 2-6: the standard compensation claimed is deducted from "
                    + "later collection costs, so no fee is charged on top of it");
            case SE -> Optional.of("SE lag (1981:739) om ersättning för inkassokostnader 4 a §: the "
                    + "förseningsersättning claimed replaces reminder and collection fees");
            case DK, FI -> Optional.empty();
        };
    }
}
