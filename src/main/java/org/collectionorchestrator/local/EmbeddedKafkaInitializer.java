package org.collectionorchestrator.local;

import java.util.Map;
import org.collectionorchestrator.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * With {@code collection.kafka.embedded=true} (the local profile and the tests) a one-node KRaft Kafka broker starts
 * inside the application before any bean is made, with the service's topics ({@link Topics#ALL}) of
 * {@code collection.kafka.embedded-partitions} partitions (3), and {@code spring.kafka.bootstrap-servers} points at it.
 * The broker picks a free port itself. It is shared by every application context of the JVM (the tests' contexts)
 * and stops when the last of them closes, after their listeners have stopped.
 */
public class EmbeddedKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ENABLED = "collection.kafka.embedded";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaInitializer.class);

    private static EmbeddedKafkaKraftBroker broker;
    private static int leases;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        int partitions = env.getProperty("collection.kafka.embedded-partitions", Integer.class, 3);
        String address = acquire(partitions);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedKafka",
                Map.of("spring.kafka.bootstrap-servers", address)));
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean("embeddedKafkaBrokerLease", Lease.class, Lease::new);
        }
    }

    private static synchronized String acquire(int partitions) {
        if (broker == null) {
            long started = System.nanoTime();
            EmbeddedKafkaKraftBroker starting = new EmbeddedKafkaKraftBroker(1, partitions, Topics.ALL.toArray(String[]::new));
            starting.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            starting.afterPropertiesSet();
            broker = starting;
            log.info("Embedded Kafka broker (KRaft) listening on {} with topics {} ({} partitions), started in {} ms",
                    address(), Topics.ALL, partitions, (System.nanoTime() - started) / 1_000_000);
        }
        leases++;
        return address();
    }

    private static synchronized void release() {
        if (--leases == 0 && broker != null) {
            log.info("Stopping the embedded Kafka broker on {}", address());
            broker.destroy();
            broker = null;
        }
    }

    /**
     * The broker's address while it runs (null when it is not running in this JVM). The test kit names it
     * "localhost:port" and binds the loopback interface; the address is given as 127.0.0.1 so that no client tries ::1.
     */
    public static synchronized String address() {
        return broker == null ? null : broker.getBrokersAsString().replace("localhost:", "127.0.0.1:");
    }

    /** A bean whose destruction (after the listener containers have stopped) gives the context's lease back. */
    static final class Lease implements DisposableBean {
        @Override
        public void destroy() {
            release();
        }
    }
}
