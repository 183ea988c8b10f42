package org.collectionorchestrator.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web app at {@code /} needs to know before it can call the API: whether this is the local run (task
 * inbox and clock shown; in production Tasklist is the inbox) and how to sign in. Open, as the app's static files
 * are: it holds nothing secret.
 */
@Hidden
@RestController
public class WebAppSettingsController {

    /** Sign-in settings: when enabled, the app gets a token from the issuer as a public client with PKCE. */
    public record SignIn(boolean enabled, String issuerUri, String clientId, String scopes) {
    }

    public record WebAppSettings(boolean localRun, SignIn signIn) {
    }

    private final WebAppSettings settings;

    public WebAppSettingsController(SecuritySettings security, Environment environment) {
        boolean localRun = Arrays.asList(environment.getActiveProfiles()).contains("local");
        this.settings = new WebAppSettings(localRun, new SignIn(security.enabled(), security.issuerUri(),
                security.webClientId(), security.webScopes()));
    }

    @GetMapping(ApiAccessRules.WEB_APP_SETTINGS)
    public WebAppSettings settings() {
        return settings;
    }
}
