package org.collectionorchestrator.local;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.InMemoryEngine;
import io.grpc.BindableService;
import io.grpc.netty.NettyServerBuilder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Creates the in-memory Zeebe engine for the local profile with its gRPC port bound to the loopback interface only.
 * {@link EngineFactory#create(int)} binds all interfaces; its server is not started until {@code start()}, so we
 * take the engine apart and rebuild it with a loopback server through InMemoryEngine's public constructor.
 * If a future engine version changes these internals this fails at start-up with a clear message.
 */
final class LoopbackEngineFactory {

    private static final String[] FIELDS = {"grpcServer", "streamProcessor", "gateway", "database", "logStream",
            "scheduler", "recordStream", "clock", "engineStateMonitor"};

    private LoopbackEngineFactory() {
    }

    static ZeebeTestEngine create(int port) {
        ZeebeTestEngine engine = EngineFactory.create(port);
        try {
            Object[] parts = new Object[FIELDS.length];
            Class<?>[] types = new Class<?>[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                Field field = InMemoryEngine.class.getDeclaredField(FIELDS[i]);
                field.setAccessible(true);
                parts[i] = field.get(engine);
                types[i] = field.getType();
            }
            parts[0] = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                    .addService((BindableService) parts[2])
                    .build();
            Constructor<InMemoryEngine> constructor = InMemoryEngine.class.getConstructor(types);
            return constructor.newInstance(parts);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("The in-memory engine's internals changed (expected InMemoryEngine fields "
                    + String.join(", ", FIELDS) + "); cannot bind its gRPC port to loopback", e);
        }
    }
}
