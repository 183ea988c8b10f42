package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.collectionorchestrator.web.ApiAccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local profile's endpoints are not mapped in the tests' contexts, so ApiSecurityTest does not see them. With
 * security on in a local run, the filter chain refuses every endpoint without a rule: each needs one, or must be a
 * stand-in for an outside service that the application calls without a token.
 */
class LocalEndpointRulesTest {

    @Test
    void everyLocalEndpointHasAnAccessRuleOrIsAnOutsideServiceStandIn() throws Exception {
        List<String> endpoints = localEndpoints();
        assertThat(endpoints).contains("GET /api/v1/tasks/{key}/form", "POST /api/v1/dev/clock",
                "POST /api/v1/dev/simulated-agency/{agencyId}");

        assertThat(endpoints).allSatisfy(endpoint -> {
            String[] parts = endpoint.split(" ");
            assertThat(ApiAccessRules.ruleFor(HttpMethod.valueOf(parts[0]), parts[1]).isPresent()
                    || ApiAccessRules.localStandIn(parts[1])).as(endpoint).isTrue();
        });
        assertThat(ApiAccessRules.ruleFor(HttpMethod.GET, "/api/v1/tasks").orElseThrow().scopes())
                .containsExactlyInAnyOrder(ApiAccessRules.FINANCE, ApiAccessRules.ADMIN);
    }

    private static List<String> localEndpoints() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        scanner.setEnvironment(new MockEnvironment().withProperty("spring.profiles.active", "local"));
        List<String> endpoints = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(LocalTaskController.class.getPackageName())) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping != null) {
                    String path = prefix + (mapping.path().length == 0 ? "" : mapping.path()[0]);
                    for (var verb : mapping.method()) {
                        endpoints.add(verb.name() + " " + path);
                    }
                }
            }
        }
        return endpoints;
    }
}
