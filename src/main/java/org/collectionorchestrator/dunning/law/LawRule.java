package org.collectionorchestrator.dunning.law;

/** What the value of a row in the law book is. Days are calendar days. */
public enum LawRule {
    /** Highest fee a letter of the row's kind may carry, in the country's currency. */
    FEE_CAP,
    /** Statutory late-payment interest, annual percent (reference rate + margin). */
    LATE_INTEREST_RATE,
    /** B2B fixed compensation for recovery costs, in the country's currency. */
    COMPENSATION,
    /** A fee-bearing letter may be dated at the earliest this many days after the (banking-day) due date. */
    FIRST_FEE_DAY_AFTER_DUE,
    /** At least this many days between the dates of two fee-bearing letters. */
    MIN_DAYS_BETWEEN_FEES,
    /** A further fee only after the debtor let a deadline of at least this many days in an earlier letter expire. */
    FEE_AFTER_DEADLINE_DAYS,
    /** At most this many fee-bearing reminders and notices together per claim. */
    MAX_FEE_LETTERS,
    /** At most this many fee-bearing reminders per claim. */
    MAX_FEE_REMINDERS,
    /** At most this many fee-bearing notices per claim. */
    MAX_FEE_NOTICES,
    /** At most this many fee-bearing payment demands per claim. */
    MAX_FEE_PAYMENT_DEMANDS,
    /** The payment deadline of a letter of the row's kind is at least this many days after the letter date. */
    MIN_PAYMENT_DAYS,
    /** Days a letter is assumed to travel before the debtor has it (added to the minimum payment days). */
    ASSUMED_POST_DAYS
}
