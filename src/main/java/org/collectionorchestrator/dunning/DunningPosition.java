package org.collectionorchestrator.dunning;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Where an invoice's dunning stands: the letters sent so far and when each next step may happen. The process
 * reads it as variables after "Plan dunning" and after every letter; dates are banking days in the creditor's zone.
 */
public record DunningPosition(
        int friendlyNoticesSent,
        int remindersSent,
        int noticesSent,
        int paymentDemandsSent,
        LocalDate friendlyNoticeDate,
        LocalDate nextReminderDate,
        LocalDate nextNoticeDate,
        LocalDate nextPaymentDemandDate,
        LocalDate readyForCollectionDate,
        LocalDate followUpDueDate,
        LocalDate escalationDate) {

    /** Counts and dates as process variables: {@code xDate} as an ISO date, {@code xAt} as the start of that day. */
    public Map<String, Object> variables(ZoneId zone) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("friendlyNoticesSent", friendlyNoticesSent);
        variables.put("remindersSent", remindersSent);
        variables.put("noticesSent", noticesSent);
        variables.put("paymentDemandsSent", paymentDemandsSent);
        put(variables, "friendlyNotice", friendlyNoticeDate, zone);
        put(variables, "nextReminder", nextReminderDate, zone);
        put(variables, "nextNotice", nextNoticeDate, zone);
        put(variables, "nextPaymentDemand", nextPaymentDemandDate, zone);
        put(variables, "readyForCollection", readyForCollectionDate, zone);
        put(variables, "followUpDue", followUpDueDate, zone);
        put(variables, "escalate", escalationDate, zone);
        return variables;
    }

    private static void put(Map<String, Object> variables, String name, LocalDate date, ZoneId zone) {
        variables.put(name + "Date", date == null ? null : date.toString());
        variables.put(name + "At", date == null ? null
                : date.atStartOfDay(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
