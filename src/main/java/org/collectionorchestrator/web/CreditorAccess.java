package org.collectionorchestrator.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Creditor scoping, in one place: which creditors the caller's token may act for (its {@code creditors} claim; the
 * value {@code *} means all). A controller calls {@link #require} with the creditor of what it is about to read or
 * change (the request's creditorId, or the creditor of the invoice or payment it names, looked up first so an unknown
 * id is still a 404) and {@link #listFor} for a list. A token for one creditor so never reads nor writes another's
 * data: 403. With security off (the local profile, the tests' shared context) every creditor is allowed.
 */
@Component
public class CreditorAccess {

    private static final String ALL = "*";

    private final SecuritySettings settings;

    public CreditorAccess(SecuritySettings settings) {
        this.settings = settings;
    }

    /** Throws 403 unless the caller may act for this creditor. */
    public void require(String creditorId) {
        if (!allows(creditorId)) {
            throw new ForbiddenException("The token does not allow creditor " + creditorId);
        }
    }

    /** Whether the caller may act for this creditor. */
    public boolean allows(String creditorId) {
        if (!settings.enabled()) {
            return true;
        }
        Set<String> creditors = callerCreditors();
        return creditors.contains(ALL) || (creditorId != null && creditors.contains(creditorId));
    }

    /**
     * The creditors the caller may act for, or empty when it may act for every creditor (security off, or a token
     * whose claim holds {@code *}).
     */
    public Optional<Set<String>> restriction() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Set<String> creditors = callerCreditors();
        return creditors.contains(ALL) ? Optional.empty() : Optional.of(creditors);
    }

    /**
     * The creditor a list is for: the one asked for (checked), the token's only creditor when none is asked for, or
     * null (every creditor) for a token that allows all. A token for several creditors must name one (400).
     */
    public String listFor(String requestedCreditorId) {
        if (requestedCreditorId != null) {
            require(requestedCreditorId);
            return requestedCreditorId;
        }
        if (!settings.enabled()) {
            return null;
        }
        Set<String> creditors = callerCreditors();
        if (creditors.contains(ALL)) {
            return null;
        }
        if (creditors.size() == 1) {
            return creditors.iterator().next();
        }
        if (creditors.isEmpty()) {
            throw new ForbiddenException("The token allows no creditor");
        }
        throw InvalidRequestException.field("creditorId", "is required: the token allows several creditors");
    }

    private Set<String> callerCreditors() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return Set.of();
        }
        Object claim = jwt.getToken().getClaims().get(settings.creditorsClaim());
        Set<String> creditors = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> creditors.add(String.valueOf(value)));
        } else if (claim instanceof String value) {
            Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(creditors::add);
        }
        return creditors;
    }
}
