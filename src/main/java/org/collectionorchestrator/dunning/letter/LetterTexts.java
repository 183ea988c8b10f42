package org.collectionorchestrator.dunning.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.collectionorchestrator.money.Money;

/**
 * The words of the letters in one language ({@code letters/text_<language>.properties}) and how that language writes
 * dates, amounts and rates.
 */
final class LetterTexts {

    static final List<String> LANGUAGES = List.of("nb", "da", "sv", "fi", "en");
    /** Keeps an amount and its currency on one line. */
    private static final String NO_BREAK_SPACE = "\u00A0";

    private final String language;
    private final Properties texts;
    private final DateTimeFormatter dates;
    private final DecimalFormatSymbols numbers;

    private LetterTexts(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
        this.dates = DateTimeFormatter.ofPattern(text("format.date"), Locale.forLanguageTag(language));
        this.numbers = DecimalFormatSymbols.getInstance(Locale.ROOT);
        numbers.setDecimalSeparator(text("format.decimalSeparator").charAt(0));
        numbers.setGroupingSeparator(text("format.groupingSeparator").charAt(0));
    }

    /** The language a letter is written in: Norwegian (no, nn) is written in bokmål; one we have no texts for in English. */
    static String resolve(String requested) {
        String primary = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (primary.equals("no") || primary.equals("nn")) {
            return "nb";
        }
        return LANGUAGES.contains(primary) ? primary : "en";
    }

    static LetterTexts load(String language) {
        String resource = "/letters/text_" + language + ".properties";
        try (InputStream in = LetterTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing letter texts " + resource);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new LetterTexts(language, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String language() {
        return language;
    }

    String text(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("Letter text " + key + " missing for language " + language);
        }
        return text;
    }

    String text(String key, Map<String, String> values) {
        return Placeholders.fill(text(key), values);
    }

    String date(LocalDate date) {
        return dates.format(date);
    }

    String money(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0", numbers);
        int digits = money.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount()) + NO_BREAK_SPACE + money.currency().getCurrencyCode();
    }

    String percent(BigDecimal rate) {
        return new DecimalFormat("0.00##", numbers).format(rate);
    }

    /** The country's name in this language, e.g. NO as "Norge", "Norway". */
    String country(String code) {
        return code == null || code.isBlank() ? "" : Locale.of("", code).getDisplayCountry(Locale.forLanguageTag(language));
    }
}
