package org.collectionorchestrator.dunning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.collectionorchestrator.money.Money;

/** The text of a payment reminder in the customer's language (Norwegian, Danish, Swedish, Finnish, else English). */
public record ReminderLetter(String language, String text) {

    private static final Map<String, String> TEMPLATES = Map.of(
            "nb", """
                    Purring %1$d på faktura %2$s
                    Til %3$s. Vi har ikke registrert betaling av faktura %2$s med forfall %4$s.
                    Utestående beløp er %5$s. Vennligst betal innen %6$s med KID/referanse %7$s.
                    Har du allerede betalt, kan du se bort fra denne purringen. Hilsen %8$s""",
            "da", """
                    Rykker %1$d for faktura %2$s
                    Til %3$s. Vi har ikke registreret betaling af faktura %2$s med forfald %4$s.
                    Udestående beløb er %5$s. Betal venligst senest %6$s med reference %7$s.
                    Har du allerede betalt, kan du se bort fra denne rykker. Venlig hilsen %8$s""",
            "sv", """
                    Betalningspåminnelse %1$d för faktura %2$s
                    Till %3$s. Vi har inte fått betalning för faktura %2$s med förfallodag %4$s.
                    Utestående belopp är %5$s. Betala senast %6$s med OCR/referens %7$s.
                    Har du redan betalat kan du bortse från denna påminnelse. Hälsningar %8$s""",
            "fi", """
                    Maksumuistutus %1$d laskusta %2$s
                    Vastaanottaja %3$s. Emme ole saaneet maksua laskusta %2$s, jonka eräpäivä oli %4$s.
                    Avoin määrä on %5$s. Maksathan viimeistään %6$s viitteellä %7$s.
                    Jos olet jo maksanut, tämä muistutus on aiheeton. Terveisin %8$s""",
            "en", """
                    Payment reminder %1$d for invoice %2$s
                    To %3$s. We have not received payment of invoice %2$s, due on %4$s.
                    The outstanding amount is %5$s. Please pay by %6$s using reference %7$s.
                    If you have already paid, please disregard this reminder. Kind regards, %8$s""");

    public record Facts(int reminderNumber, String invoiceNumber, String customerName, LocalDate dueDate, Money outstanding,
                        LocalDate payBy, String paymentReference, String creditorName, String language) {
    }

    public static ReminderLetter render(Facts facts) {
        String language = TEMPLATES.containsKey(facts.language()) ? facts.language()
                : "no".equals(facts.language()) || "nn".equals(facts.language()) ? "nb" : "en";
        String text = TEMPLATES.get(language).formatted(facts.reminderNumber(), facts.invoiceNumber(), facts.customerName(),
                facts.dueDate().format(DateTimeFormatter.ISO_LOCAL_DATE), facts.outstanding(),
                facts.payBy().format(DateTimeFormatter.ISO_LOCAL_DATE),
                facts.paymentReference() == null ? facts.invoiceNumber() : facts.paymentReference(), facts.creditorName());
        return new ReminderLetter(language, text);
    }
}
