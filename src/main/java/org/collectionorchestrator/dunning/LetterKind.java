package org.collectionorchestrator.dunning;

/** The letters dunning produces, in the order they can follow each other. */
public enum LetterKind {
    /** Before the due date; never carries a fee. */
    FRIENDLY_NOTICE,
    /** Payment reminder (NO purring, DK rykker, SE betalningspåminnelse, FI maksumuistutus). */
    REMINDER,
    /** Collection notice (NO inkassovarsel, DK § 10 påkravsskrivelse, SE inkassokrav, FI maksukehotus). */
    NOTICE,
    /** NO only: the creditor's own betalingsoppfordring after the notice's deadline expired (inkassoloven § 10). */
    PAYMENT_DEMAND
}
