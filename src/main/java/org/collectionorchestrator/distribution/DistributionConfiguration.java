package org.collectionorchestrator.distribution;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.ArrayList;
import java.util.List;
import org.collectionorchestrator.distribution.ehf.EhfChannel;
import org.collectionorchestrator.distribution.ehf.PeppolRules;
import org.collectionorchestrator.distribution.email.EmailChannel;
import org.collectionorchestrator.distribution.provider.EfakturaChannel;
import org.collectionorchestrator.distribution.provider.PrintChannel;
import org.collectionorchestrator.distribution.provider.ProviderClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The channels this installation has: e-mail when Spring Mail is configured ({@code spring.mail.host}), EHF,
 * eFaktura and print when {@code collection.distribution.providers.<ehf|efaktura|print>.base-url} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DistributionProperties.class)
class DistributionConfiguration {

    @Bean
    DeliveryChannels deliveryChannels(DistributionProperties settings, ObjectProvider<JavaMailSender> mail,
                                      ObjectProvider<RetryRegistry> retries, ObjectProvider<CircuitBreakerRegistry> breakers) {
        RetryRegistry retryRegistry = retries.getIfAvailable(RetryRegistry::ofDefaults);
        CircuitBreakerRegistry breakerRegistry = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        List<DeliveryChannel> channels = new ArrayList<>();
        mail.ifAvailable(sender -> channels.add(new EmailChannel(sender, settings.fromAddress(), settings.reports("email"))));
        settings.provider("ehf").filter(p -> p.baseUrl() != null).ifPresent(p -> channels.add(
                new EhfChannel(new ProviderClient("ehf", p, retryRegistry, breakerRegistry), new PeppolRules())));
        settings.provider("efaktura").filter(p -> p.baseUrl() != null).ifPresent(p -> channels.add(
                new EfakturaChannel(new ProviderClient("efaktura", p, retryRegistry, breakerRegistry))));
        settings.provider("print").filter(p -> p.baseUrl() != null).ifPresent(p -> channels.add(
                new PrintChannel(new ProviderClient("print", p, retryRegistry, breakerRegistry))));
        return new DeliveryChannels(channels);
    }
}
