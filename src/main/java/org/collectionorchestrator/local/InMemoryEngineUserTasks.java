package org.collectionorchestrator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.InMemoryEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.FormIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Lists and completes Camunda user tasks ({@code zeebe:userTask}) on the in-memory Zeebe engine
 * (zeebe-process-test). That engine has no REST API, and completing a Camunda user task is a REST-only command of the
 * client, so this adapter talks to the engine directly:
 * <ul>
 *   <li>listing reads the engine's record stream: user tasks CREATED and not yet COMPLETED or CANCELED;</li>
 *   <li>completing writes a {@code USER_TASK COMPLETE} command onto the engine's log, the way the engine's own gRPC
 *       gateway writes a {@code JOB COMPLETE} command, and waits for the engine's reply.</li>
 * </ul>
 * Completing needs private internals of the engine; all of that reflection lives in {@link EngineInternals} and is
 * checked in the constructor, so an engine upgrade that moves them fails at once with an
 * {@link IllegalStateException} naming what is missing.
 *
 * <p>Accepts the real {@link InMemoryEngine} or the proxy that {@code @ZeebeSpringTest} injects. The proxy's engine is
 * swapped for every test method, so it is unwrapped again on every call, never cached. Thread-safe.
 */
public final class InMemoryEngineUserTasks {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineInternals internals;

    public InMemoryEngineUserTasks(ZeebeTestEngine engine) {
        this.internals = EngineInternals.resolve(Objects.requireNonNull(engine, "engine"));
    }

    /** All open user tasks, in the order the engine created them. */
    public List<OpenUserTask> openTasks() {
        return scanOpenTasks(null);
    }

    /** The open user tasks of one process instance, in the order the engine created them. */
    public List<OpenUserTask> openTasks(long processInstanceKey) {
        return scanOpenTasks(processInstanceKey);
    }

    /**
     * Completes a user task with the given variables and waits (up to 10 s) until the engine accepted it.
     *
     * @throws UserTaskNotFoundException if the engine knows no open user task with this key (never existed, or
     *                                   already completed or canceled)
     * @throws IllegalStateException     if the engine rejects the command for another reason, does not reply in
     *                                   time, or its internals are not what this adapter was written against
     */
    public void complete(long userTaskKey, Map<String, Object> variables) {
        UserTaskRecord command = new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("complete");
        if (variables != null && !variables.isEmpty()) {
            command.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(variables)));
        }

        Reply reply = new Reply();
        internals.writeCommand(userTaskKey, command, ValueType.USER_TASK, UserTaskIntent.COMPLETE, reply);

        try {
            reply.done.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException rejected) {
            Status status = Status.fromThrowable(rejected.getCause());
            if (status.getCode() == Status.Code.NOT_FOUND) {
                throw new UserTaskNotFoundException(userTaskKey, status.getDescription());
            }
            throw new IllegalStateException("The engine rejected completing user task " + userTaskKey + " ("
                    + status.getCode() + "): " + status.getDescription(), rejected.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The engine did not reply within " + REPLY_TIMEOUT.toSeconds()
                    + " s to completing user task " + userTaskKey, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while completing user task " + userTaskKey, e);
        }
    }

    /**
     * The deployed Camunda Form with this key (a task's {@code formKey} for a linked form), as the JSON the process
     * deployed from {@code bpmn/forms/}; empty if the engine knows no such form.
     */
    public Optional<String> formJson(long formKey) {
        String[] found = {null};
        EngineRecords.snapshot(internals.currentEngine().getRecordStreamSource().getRecords()).forEach(record -> {
            if (record.getValueType() == ValueType.FORM && record.getRecordType() == RecordType.EVENT
                    && record.getIntent() == FormIntent.CREATED && ((Form) record.getValue()).getFormKey() == formKey) {
                found[0] = new String(((Form) record.getValue()).getResource(), StandardCharsets.UTF_8);
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Each open task with the variables it sees, as Tasklist shows them to its form: the process instance's own
     * (root scope) variables, overlaid by the task's.
     */
    private List<OpenUserTask> scanOpenTasks(Long processInstanceKey) {
        Map<Long, UserTaskRecordValue> open = new LinkedHashMap<>();
        Map<Long, Map<String, String>> rootVariables = new HashMap<>();
        DeployedModels models = new DeployedModels();
        EngineRecords.snapshot(internals.currentEngine().getRecordStreamSource().getRecords()).forEach(record -> {
            if (record.getRecordType() != RecordType.EVENT) {
                return;
            }
            models.add(record);
            if (record.getValueType() == ValueType.VARIABLE) {
                VariableRecordValue variable = (VariableRecordValue) record.getValue();
                if (variable.getScopeKey() == variable.getProcessInstanceKey()
                        && (processInstanceKey == null || variable.getProcessInstanceKey() == processInstanceKey)) {
                    rootVariables.computeIfAbsent(variable.getProcessInstanceKey(), k -> new LinkedHashMap<>())
                            .put(variable.getName(), variable.getValue());
                }
                return;
            }
            if (record.getValueType() != ValueType.USER_TASK) {
                return;
            }
            UserTaskRecordValue task = (UserTaskRecordValue) record.getValue();
            Intent intent = record.getIntent();
            if (intent == UserTaskIntent.CREATED) {
                if (processInstanceKey == null || task.getProcessInstanceKey() == processInstanceKey) {
                    open.put(task.getUserTaskKey(), task);
                }
            } else if (intent == UserTaskIntent.COMPLETED || intent == UserTaskIntent.CANCELED) {
                open.remove(task.getUserTaskKey());
            }
        });
        return open.values().stream()
                .map(task -> toOpenTask(task, models.name(task.getProcessDefinitionKey(), task.getElementId()),
                        rootVariables.getOrDefault(task.getProcessInstanceKey(), Map.of())))
                .toList();
    }

    private static OpenUserTask toOpenTask(UserTaskRecordValue task, String taskName,
                                           Map<String, String> processVariablesAsJson) {
        String formKey;
        if (task.getExternalFormReference() != null && !task.getExternalFormReference().isBlank()) {
            formKey = task.getExternalFormReference();
        } else if (task.getFormKey() > 0) {
            formKey = Long.toString(task.getFormKey());
        } else {
            formKey = null;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        processVariablesAsJson.forEach((name, json) -> variables.put(name, parse(json)));
        if (task.getVariables() != null) {
            variables.putAll(task.getVariables());
        }
        return new OpenUserTask(task.getUserTaskKey(), task.getProcessInstanceKey(), task.getBpmnProcessId(),
                task.getElementId(), taskName, formKey, task.getCandidateGroupsList(), blankToNull(task.getDueDate()),
                variables);
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The engine holds a variable that is not JSON: " + json, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Receives the engine's reply to one command: onCompleted when accepted, onError (a gRPC status) when rejected. */
    private static final class Reply implements StreamObserver<Object> {

        final CompletableFuture<Void> done = new CompletableFuture<>();

        @Override
        public void onNext(Object response) {
            // the mapped gRPC response (an empty CompleteJobResponse); nothing in it we need
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onCompleted() {
            done.complete(null);
        }
    }

    /**
     * ALL reflection on the engine's internals, written against io.camunda:zeebe-process-test-engine 8.8.21.
     *
     * <pre>
     * InMemoryEngine
     *   private final GrpcToLogStreamGateway gateway        (package-private class)
     *     private final CommandWriter writer                 writeCommandWithKey(Long, UnifiedRecordValue, RecordMetadata)
     *     private final GatewayRequestStore gatewayRequestStore  registerNewRequest(Class&lt;? extends GeneratedMessage&gt;, StreamObserver)
     *     private final int partitionId                      used as the metadata's requestStreamId
     * &#64;ZeebeSpringTest proxy: java.lang.reflect.Proxy, its InvocationHandler (ZeebeTestEngineProxy) has
     *   private ZeebeTestEngine delegate                     the engine of the current test method, null between tests
     * </pre>
     *
     * A command is written the way {@code GrpcToLogStreamGateway.completeJob} writes a JOB COMPLETE command: register
     * a request (type + response observer) in the request store, put its id and the partition id into the command's
     * metadata, write the command with the entity's key. When the engine answers, {@code GrpcResponseWriter} takes
     * the request out of the store and maps the reply by the registered request type; a rejection becomes a gRPC
     * status (NOT_FOUND for NOT_FOUND). Registering under {@code CompleteJobRequest} makes the reply map to an empty
     * {@code CompleteJobResponse}, which is all this adapter needs.
     *
     * Everything is looked up on the classes in {@link #resolve}, so a moved field fails when the adapter is built,
     * not on the first completion.
     */
    private static final class EngineInternals {

        private static final String WRITTEN_AGAINST = "io.camunda:zeebe-process-test-engine 8.8.21";

        private final ZeebeTestEngine engine;
        private final Field proxyDelegate; // null unless engine is a proxy
        private final Field gateway;
        private final Field writer;
        private final Field requestStore;
        private final Field partitionId;
        private final Method registerNewRequest;
        private final Method writeCommandWithKey;

        private EngineInternals(ZeebeTestEngine engine, Field proxyDelegate, Field gateway, Field writer,
                Field requestStore, Field partitionId, Method registerNewRequest, Method writeCommandWithKey) {
            this.engine = engine;
            this.proxyDelegate = proxyDelegate;
            this.gateway = gateway;
            this.writer = writer;
            this.requestStore = requestStore;
            this.partitionId = partitionId;
            this.registerNewRequest = registerNewRequest;
            this.writeCommandWithKey = writeCommandWithKey;
        }

        static EngineInternals resolve(ZeebeTestEngine engine) {
            Field proxyDelegate = null;
            if (Proxy.isProxyClass(engine.getClass())) {
                InvocationHandler handler = Proxy.getInvocationHandler(engine);
                proxyDelegate = field(handler.getClass(), "delegate");
                if (!proxyDelegate.getType().isAssignableFrom(InMemoryEngine.class)) {
                    throw moved("field 'delegate' of " + handler.getClass().getName() + " is a "
                            + proxyDelegate.getType().getName() + ", which cannot hold an InMemoryEngine");
                }
            } else if (!(engine instanceof InMemoryEngine)) {
                throw moved("expected an " + InMemoryEngine.class.getName()
                        + " or a proxy whose invocation handler has a field 'delegate', got "
                        + engine.getClass().getName());
            }

            Field gateway = field(InMemoryEngine.class, "gateway");
            Field writer = field(gateway.getType(), "writer");
            Field requestStore = field(gateway.getType(), "gatewayRequestStore");
            Field partitionId = field(gateway.getType(), "partitionId");
            if (partitionId.getType() != int.class) {
                throw moved("field 'partitionId' of " + gateway.getType().getName() + " is no longer an int");
            }
            Method registerNewRequest = method(requestStore.getType(), "registerNewRequest", Class.class,
                    StreamObserver.class);
            Method writeCommandWithKey = method(writer.getType(), "writeCommandWithKey", Long.class,
                    UnifiedRecordValue.class, RecordMetadata.class);

            EngineInternals internals = new EngineInternals(engine, proxyDelegate, gateway, writer, requestStore,
                    partitionId, registerNewRequest, writeCommandWithKey);
            if (proxyDelegate != null) {
                internals.delegateOf(engine); // a wrong value fails here; null (between tests) is fine for now
            }
            return internals;
        }

        /** The real engine behind the given one right now: itself, or the proxy's current delegate. */
        InMemoryEngine currentEngine() {
            if (proxyDelegate == null) {
                return (InMemoryEngine) engine;
            }
            InMemoryEngine current = delegateOf(engine);
            if (current == null) {
                throw new IllegalStateException("The @ZeebeSpringTest engine proxy holds no engine right now "
                        + "(its field 'delegate' is null): use it inside a test method");
            }
            return current;
        }

        private InMemoryEngine delegateOf(ZeebeTestEngine proxy) {
            Object delegate = get(proxyDelegate, Proxy.getInvocationHandler(proxy));
            if (delegate == null || delegate instanceof InMemoryEngine) {
                return (InMemoryEngine) delegate;
            }
            throw moved("the proxy's field 'delegate' holds a " + delegate.getClass().getName() + ", expected an "
                    + InMemoryEngine.class.getName());
        }

        /** Writes a command with request metadata, so that the engine's reply reaches {@code replyTo}. */
        void writeCommand(long key, UnifiedRecordValue value, ValueType valueType, Intent intent,
                StreamObserver<?> replyTo) {
            Object gatewayInstance = get(gateway, currentEngine());
            Object requestId = invoke(registerNewRequest, get(requestStore, gatewayInstance),
                    CompleteJobRequest.class, replyTo);
            int requestStreamId = (Integer) get(partitionId, gatewayInstance);
            RecordMetadata metadata = new RecordMetadata()
                    .recordType(RecordType.COMMAND)
                    .requestStreamId(requestStreamId)
                    .requestId((Long) requestId)
                    .valueType(valueType)
                    .intent(intent);
            invoke(writeCommandWithKey, get(writer, gatewayInstance), key, value, metadata);
        }

        private static Field field(Class<?> type, String name) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                        return accessible(f, "field '" + name + "' of " + type.getName());
                    }
                }
            }
            throw moved("no field '" + name + "' in " + type.getName());
        }

        private static Method method(Class<?> type, String name, Class<?>... parameterTypes) {
            try {
                return accessible(type.getDeclaredMethod(name, parameterTypes),
                        "method '" + name + "' of " + type.getName());
            } catch (NoSuchMethodException e) {
                throw moved("no method '" + name + "' with parameters " + List.of(parameterTypes) + " in "
                        + type.getName());
            }
        }

        private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member, String what) {
            try {
                member.setAccessible(true);
                return member;
            } catch (InaccessibleObjectException | SecurityException e) {
                throw new IllegalStateException("Cannot open " + what + " of the in-memory engine: " + e.getMessage(),
                        e);
            }
        }

        private static Object get(Field field, Object target) {
            try {
                return field.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read field '" + field.getName() + "' of the in-memory engine",
                        e);
            }
        }

        private static Object invoke(Method method, Object target, Object... args) {
            try {
                return method.invoke(target, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot call '" + method.getName() + "' of the in-memory engine", e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("'" + method.getName() + "' of the in-memory engine failed",
                        e.getCause());
            }
        }

        private static IllegalStateException moved(String what) {
            return new IllegalStateException("The in-memory Zeebe engine's internals are not what "
                    + InMemoryEngineUserTasks.class.getSimpleName() + " was written against (" + WRITTEN_AGAINST
                    + "): " + what + ". Update the adapter for this engine version.");
        }
    }
}
