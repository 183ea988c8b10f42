package org.collectionorchestrator.dunning.letter;

import static org.collectionorchestrator.dunning.letter.Placeholders.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.dunning.law.InterestLine;
import org.collectionorchestrator.money.Money;

/** Writes a letter's content into the XHTML layout ({@code letters/layout.xhtml}) in the letter's language. */
final class LetterXhtml {

    private static final String LAYOUT = resource("/letters/layout.xhtml");

    private LetterXhtml() {
    }

    static String of(LetterContent content, LetterTexts texts) {
        Map<String, String> facts = facts(content, texts);
        Map<String, String> values = new HashMap<>();
        facts.forEach((name, value) -> values.put(name, escape(value)));
        for (String label : List.of("recipient", "letterDate", "letterNumber", "invoiceNumber", "issueDate", "dueDate",
                "payBy", "reference")) {
            values.put("label." + label, escape(texts.text("label." + label)));
        }
        values.put("title", escape(texts.text("title." + content.kind())));
        values.put("intro", escape(texts.text("intro." + content.kind(), facts)));
        values.put("regards", escape(texts.text("regards")));
        values.put("amountRows", amountRows(content, texts));
        values.put("accountRow", content.creditorAccount() == null || content.creditorAccount().isBlank() ? ""
                : row("", texts.text("label.account"), content.creditorAccount()));
        values.put("paragraphs", String.join("\n", paragraphs(content, texts, facts).stream()
                .map(text -> "  <p>" + escape(text) + "</p>").toList()));
        return Placeholders.fill(LAYOUT, values);
    }

    private static Map<String, String> facts(LetterContent content, LetterTexts texts) {
        Map<String, String> facts = new HashMap<>();
        facts.put("language", texts.language());
        facts.put("creditorName", content.creditorName());
        facts.put("creditorCountry", texts.country(content.creditorCountry()));
        facts.put("customerName", content.customerName());
        facts.put("letterNumber", Integer.toString(content.letterNumber()));
        facts.put("invoiceNumber", content.invoiceNumber());
        facts.put("letterDate", texts.date(content.letterDate()));
        facts.put("issueDate", texts.date(content.issueDate()));
        facts.put("dueDate", texts.date(content.dueDate()));
        facts.put("payBy", texts.date(content.payBy()));
        facts.put("reference", content.referenceToPayWith());
        facts.put("total", texts.money(content.totalToPay()));
        return facts;
    }

    /** Principal and total always; a fee, interest or compensation only when there is one. */
    private static String amountRows(LetterContent content, LetterTexts texts) {
        List<String> rows = new ArrayList<>();
        rows.add(amountRow(texts.text("label.principal"), content.principal(), texts));
        addIfCharged(rows, texts.text("label.feesEarlier"), content.feesEarlier(), texts);
        addIfCharged(rows, texts.text("label.feeThisLetter"), content.feeThisLetter(), texts);
        if (content.interestLines().isEmpty()) {
            addIfCharged(rows, texts.text("label.interest"), content.interest(), texts);
        }
        for (InterestLine line : content.interestLines()) {
            rows.add(amountRow(texts.text("label.interestLine", Map.of("from", texts.date(line.from()),
                    "through", texts.date(line.through()), "days", Integer.toString(line.days()),
                    "rate", texts.percent(line.ratePercent()), "principal", texts.money(line.principal()))),
                    line.amount(), texts));
        }
        addIfCharged(rows, texts.text("label.compensation"), content.compensation(), texts);
        rows.add(row("total", texts.text("label.total"), texts.money(content.totalToPay())));
        return String.join("\n", rows);
    }

    private static void addIfCharged(List<String> rows, String label, Money amount, LetterTexts texts) {
        if (amount != null && amount.isPositive()) {
            rows.add(amountRow(label, amount, texts));
        }
    }

    private static String amountRow(String label, Money amount, LetterTexts texts) {
        return row("", label, texts.money(amount));
    }

    private static String row(String rowClass, String label, String value) {
        return "    <tr class=\"" + rowClass + "\"><td>" + escape(label) + "</td><td class=\"amount\">" + escape(value)
                + "</td></tr>";
    }

    /** What happens if the debtor does not pay, and what the law of the creditor's country makes the letter say. */
    private static List<String> paragraphs(LetterContent content, LetterTexts texts, Map<String, String> facts) {
        LetterKind kind = content.kind();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.text("consequence." + kind, facts));
        boolean norway = "NO".equals(content.creditorCountry());
        if (norway && kind == LetterKind.NOTICE) {
            paragraphs.add(texts.text("norway.notice.paidInTime", facts));
        }
        if (norway && content.norwegianNewCollectionAct() && (kind == LetterKind.NOTICE || kind == LetterKind.PAYMENT_DEMAND)
                && !content.feeThisLetter().isPositive()) {
            paragraphs.add(texts.text("norway.notice.noFee"));
        }
        if (kind != LetterKind.FRIENDLY_NOTICE) {
            paragraphs.add(texts.text("objection"));
        }
        paragraphs.add(texts.text("alreadyPaid"));
        return paragraphs;
    }

    private static String resource(String name) {
        try (InputStream in = LetterXhtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
