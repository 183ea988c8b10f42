package org.collectionorchestrator.dunning;

import java.util.Map;

/**
 * The result of the decision table "Dunning strategy" as the process holds it in the variable {@code strategy}.
 * Days are whole days; a null means the column does not apply to the rule that matched.
 */
public record DunningStrategy(
        String flow,
        Integer reminders,
        Integer firstReminderDays,
        Integer daysBetweenLetters,
        Integer reminderPaymentDays,
        boolean reminderFee,
        String notice,
        Integer noticePaymentDays,
        boolean noticeFee,
        boolean paymentDemand,
        Integer readyForCollectionDays,
        boolean interest,
        boolean compensation,
        Integer friendlyNoticeDays,
        Integer followUpDays,
        Integer escalationDays) {

    public static DunningStrategy of(Map<String, Object> variable) {
        if (variable == null) {
            throw new IllegalArgumentException("The process has no dunning strategy");
        }
        return new DunningStrategy(
                (String) variable.get("flow"),
                number(variable, "reminders"),
                number(variable, "firstReminderDays"),
                number(variable, "daysBetweenLetters"),
                number(variable, "reminderPaymentDays"),
                Boolean.TRUE.equals(variable.get("reminderFee")),
                (String) variable.get("notice"),
                number(variable, "noticePaymentDays"),
                Boolean.TRUE.equals(variable.get("noticeFee")),
                Boolean.TRUE.equals(variable.get("paymentDemand")),
                number(variable, "readyForCollectionDays"),
                Boolean.TRUE.equals(variable.get("interest")),
                Boolean.TRUE.equals(variable.get("compensation")),
                number(variable, "friendlyNoticeDays"),
                number(variable, "followUpDays"),
                number(variable, "escalationDays"));
    }

    /** The payment deadline the table asks for in a letter of this kind, in days from the letter date. */
    public int paymentDays(LetterKind kind) {
        return switch (kind) {
            case FRIENDLY_NOTICE -> 0;
            case REMINDER -> required(reminderPaymentDays, "reminderPaymentDays");
            case NOTICE, PAYMENT_DEMAND -> required(noticePaymentDays, "noticePaymentDays");
        };
    }

    /** Whether the table asks for a fee on a letter of this kind (the amount comes from "Dunning fees"). */
    public boolean feeWanted(LetterKind kind) {
        return switch (kind) {
            case FRIENDLY_NOTICE -> false;
            case REMINDER -> reminderFee;
            case NOTICE, PAYMENT_DEMAND -> noticeFee;
        };
    }

    /** A column the matched rule must fill for the step that needs it; a gap in the table becomes an incident. */
    static int required(Integer value, String column) {
        if (value == null) {
            throw new IllegalArgumentException("The decision table \"Dunning strategy\" gave no " + column
                    + " for this invoice, but the process needs it");
        }
        return value;
    }

    private static Integer number(Map<String, Object> variable, String name) {
        Object value = variable.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 0) {
                throw new IllegalArgumentException("Dunning strategy " + name + " must be a whole number of 0 or more, got " + value);
            }
            return n.intValue();
        }
        throw new IllegalArgumentException("Dunning strategy " + name + " must be a number, got " + value);
    }
}
