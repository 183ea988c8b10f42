package org.collectionorchestrator.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The aging report's customer rows as RFC 4180 CSV; text that a spreadsheet would run as a formula is defused. */
final class AgingCsv {

    static final String HEADER = "customerId,customerName,currency,invoices,notDue,days1To30,days31To60,days61To90,"
            + "over90,outstanding\r\n";

    private AgingCsv() {
    }

    static String line(AgingReport.CustomerRow row) {
        return Stream.concat(
                        Stream.of(text(row.customerId()), text(row.customerName()), row.currency(), Long.toString(row.count())),
                        List.of(row.notDue(), row.days1To30(), row.days31To60(), row.days61To90(), row.over90(),
                                row.outstanding()).stream().map(BigDecimal::toPlainString))
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
