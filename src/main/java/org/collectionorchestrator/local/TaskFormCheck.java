package org.collectionorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a task submission against the task's Camunda Form (the JSON that form-js renders), as form-js would before
 * Tasklist completes the task: {@code validate.required}, {@code min}/{@code max}, {@code minLength}/{@code
 * maxLength}, {@code pattern}, {@code validationType} email, that a number is a number and a checkbox a boolean, and that a radio or select holds
 * one of its {@code values} (or of the options in the variable its {@code valuesKey} names). A field hidden by its
 * {@code conditional.hide} expression is not checked; the expressions our forms use (comparisons of a variable with
 * a literal, joined by {@code or}) are evaluated on the submission over the task's variables, and a field whose
 * expression is not of that shape counts as shown. Read-only fields and fields without a key are not checked; keys
 * the form does not have are let through, as Tasklist does.
 */
final class TaskFormCheck {

    /** One field that fails, by its key (a path such as {@code invoices[0].stopReason} inside a dynamic list). */
    record Problem(String field, String message) {
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> CHOICES = Set.of("radio", "select");
    private static final Pattern COMPARISON = Pattern.compile(
            "^\\s*((?:this\\.)?[A-Za-z_][A-Za-z0-9_]*)\\s*(!=|>=|<=|=|>|<)\\s*(\"[^\"]*\"|true|false|null|-?\\d+(?:\\.\\d+)?)\\s*$");

    private TaskFormCheck() {
    }

    static List<Problem> check(JsonNode form, Map<String, Object> submission, Map<String, Object> taskVariables) {
        Map<String, Object> context = new HashMap<>(taskVariables);
        context.putAll(submission);
        List<Problem> problems = new ArrayList<>();
        checkComponents(form.path("components"), submission, context, "", problems);
        return problems;
    }

    private static void checkComponents(JsonNode components, Map<String, Object> values, Map<String, Object> context,
                                        String prefix, List<Problem> problems) {
        for (JsonNode component : components) {
            if (hidden(component, context)) {
                continue;
            }
            String type = component.path("type").asText();
            if (("dynamiclist".equals(type) || "group".equals(type)) && component.has("components")) {
                checkContainer(component, type, values, context, prefix, problems);
            } else if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false)) {
                String key = component.get("key").asText();
                checkField(component, type, prefix + key, values.get(key), context, problems);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkContainer(JsonNode component, String type, Map<String, Object> values,
                                       Map<String, Object> context, String prefix, List<Problem> problems) {
        String path = component.path("path").asText("");
        if (path.isEmpty()) {
            checkComponents(component.get("components"), values, context, prefix, problems);
            return;
        }
        Object nested = values.get(path);
        if (nested == null) {
            return;
        }
        if ("group".equals(type)) {
            if (!(nested instanceof Map<?, ?> map)) {
                problems.add(new Problem(prefix + path, "must be an object"));
                return;
            }
            Map<String, Object> inner = new HashMap<>(context);
            inner.putAll((Map<String, Object>) map);
            checkComponents(component.get("components"), (Map<String, Object>) map, inner, prefix + path + ".", problems);
            return;
        }
        if (!(nested instanceof List<?> items)) {
            problems.add(new Problem(prefix + path, "must be a list"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                problems.add(new Problem(prefix + path + "[" + i + "]", "must be an object"));
                continue;
            }
            // as form-js evaluates a list item's conditions: the form's data, and the item as `this`
            Map<String, Object> inner = new HashMap<>(context);
            inner.put("this", item);
            checkComponents(component.get("components"), (Map<String, Object>) item, inner,
                    prefix + path + "[" + i + "].", problems);
        }
    }

    private static void checkField(JsonNode component, String type, String field, Object value,
                                   Map<String, Object> context, List<Problem> problems) {
        JsonNode validate = component.path("validate");
        if (value == null || (value instanceof String s && s.isEmpty())) {
            if (validate.path("required").asBoolean(false)) {
                problems.add(new Problem(field, "is required"));
            }
            return;
        }
        switch (type) {
            case "number" -> {
                BigDecimal number = number(value);
                if (number == null) {
                    problems.add(new Problem(field, "must be a number"));
                    return;
                }
                if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0) {
                    problems.add(new Problem(field, "must be at least " + validate.get("min").asText()));
                }
                if (validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
                    problems.add(new Problem(field, "must be at most " + validate.get("max").asText()));
                }
                return;
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(new Problem(field, "must be true or false"));
                }
                return;
            }
            default -> {
            }
        }
        if (CHOICES.contains(type)) {
            Set<String> allowed = allowedValues(component, context);
            if (allowed != null && !allowed.contains(String.valueOf(value))) {
                problems.add(new Problem(field, "must be one of " + String.join(", ", allowed)));
            }
            return;
        }
        if (!(value instanceof String text)) {
            problems.add(new Problem(field, "must be text"));
            return;
        }
        if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
            problems.add(new Problem(field, "must be at least " + validate.get("minLength").asInt() + " characters"));
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
            problems.add(new Problem(field, "must be at most " + validate.get("maxLength").asInt() + " characters"));
        }
        if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
            problems.add(new Problem(field, "must be an e-mail address"));
        }
        if (validate.hasNonNull("pattern")) {
            try {
                if (!Pattern.compile(validate.get("pattern").asText()).matcher(text).find()) {
                    problems.add(new Problem(field, "must match " + validate.get("pattern").asText()));
                }
            } catch (PatternSyntaxException e) {
                // a pattern Java cannot read is the form's fault, not the submission's: not checked
            }
        }
    }

    /** The values a choice allows: its static values, or those of the options variable; null when not known. */
    private static Set<String> allowedValues(JsonNode component, Map<String, Object> context) {
        Set<String> allowed = new LinkedHashSet<>();
        if (component.has("values")) {
            component.get("values").forEach(option -> allowed.add(option.path("value").asText()));
            return allowed;
        }
        if (component.hasNonNull("valuesKey") && context.get(component.get("valuesKey").asText()) instanceof List<?> options) {
            for (Object option : options) {
                allowed.add(option instanceof Map<?, ?> map ? String.valueOf(map.get("value")) : String.valueOf(option));
            }
            return allowed;
        }
        return null;
    }

    /** Whether {@code conditional.hide} holds; false when the component has none or its expression is not understood. */
    static boolean hidden(JsonNode component, Map<String, Object> context) {
        String expression = component.path("conditional").path("hide").asText("").trim();
        if (!expression.startsWith("=")) {
            return false;
        }
        boolean any = false;
        for (String part : expression.substring(1).split("\\bor\\b")) {
            Matcher m = COMPARISON.matcher(part);
            if (!m.matches()) {
                return false;
            }
            any |= compare(lookUp(context, m.group(1)), m.group(2), m.group(3));
        }
        return any;
    }

    /** A name, or {@code this.name} for a field of the list item being checked. */
    private static Object lookUp(Map<String, Object> context, String name) {
        if (!name.startsWith("this.")) {
            return context.get(name);
        }
        return context.get("this") instanceof Map<?, ?> item ? item.get(name.substring("this.".length())) : null;
    }

    private static boolean compare(Object actual, String operator, String literal) {
        Object expected = switch (literal) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> literal.startsWith("\"") ? literal.substring(1, literal.length() - 1) : new BigDecimal(literal);
        };
        if (operator.equals("=") || operator.equals("!=")) {
            boolean equal = expected instanceof BigDecimal n ? number(actual) != null && number(actual).compareTo(n) == 0
                    : expected == null ? actual == null : expected.equals(actual);
            return operator.equals("=") == equal;
        }
        BigDecimal left = number(actual);
        if (left == null || !(expected instanceof BigDecimal right)) {
            return false; // FEEL: null for a comparison that has no answer, and a null condition does not hide
        }
        int c = left.compareTo(right);
        return switch (operator) {
            case ">" -> c > 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            default -> c <= 0;
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }
}
