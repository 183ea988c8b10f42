package org.collectionorchestrator.dunning.letter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The letters' template language: {@code {{name}}} is replaced by a value; nothing else is special. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][\\w.]*)}}");
    /** Characters XML 1.0 does not allow at all; a name pasted with one would otherwise break the document. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private Placeholders() {
    }

    /** Fills every placeholder; a placeholder without a value is a bug in a template, so it fails loudly. */
    static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + match.group(1) + "}}");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    /** Plain text as XHTML character data or attribute value. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : NOT_XML.matcher(text).replaceAll("").toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
