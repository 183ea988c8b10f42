package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.spring.test.proxy.ZeebeTestEngineProxy;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InMemoryEngineUserTasksTest {

    private static final String PROCESS_ID = "user-task-adapter-test";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static ZeebeTestEngine engine;
    private static CamundaClient client;
    private static long formKey;

    @BeforeAll
    static void startEngineAndDeploy() {
        engine = EngineFactory.create();
        engine.start();
        client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false)
                .build();

        BpmnModelInstance process = Bpmn.createExecutableProcess(PROCESS_ID)
                .startEvent()
                .userTask("approve", task -> task.zeebeUserTask()
                        .zeebeCandidateGroups("credit-control")
                        .zeebeFormId("some-form"))
                .endEvent()
                .done();
        String form = """
                {"id": "some-form", "type": "default", "schemaVersion": 16,
                 "components": [{"key": "approved", "label": "Approved", "type": "checkbox"}]}
                """;
        DeploymentEvent deployment = client.newDeployResourceCommand()
                .addProcessModel(process, PROCESS_ID + ".bpmn")
                .addResourceStringUtf8(form, "some-form.form")
                .send()
                .join();
        formKey = deployment.getForm().get(0).getFormKey();
    }

    @AfterAll
    static void stopEngine() {
        if (client != null) {
            client.close();
        }
        if (engine != null) {
            engine.stop();
        }
    }

    @Test
    void listsAnOpenUserTaskAndCompletesItWithVariables() {
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(engine);
        long processInstanceKey = startInstance();

        OpenUserTask task = awaitSingleOpenTask(userTasks, processInstanceKey);
        assertThat(task.processInstanceKey()).isEqualTo(processInstanceKey);
        assertThat(task.bpmnProcessId()).isEqualTo(PROCESS_ID);
        assertThat(task.elementId()).isEqualTo("approve");
        assertThat(task.candidateGroups()).containsExactly("credit-control");
        assertThat(task.formKey()).isEqualTo(Long.toString(formKey));
        assertThat(task.variables()).isNotNull();
        assertThat(userTasks.openTasks()).contains(task);

        userTasks.complete(task.userTaskKey(), Map.of("approved", true));

        await("process instance " + processInstanceKey + " completed", () -> records()
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE
                        && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                        && r.getKey() == processInstanceKey)
                .findFirst());
        Record<?> variable = await("variable 'approved' in " + processInstanceKey, () -> records()
                .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getIntent() == VariableIntent.CREATED)
                .filter(r -> ((VariableRecordValue) r.getValue()).getProcessInstanceKey() == processInstanceKey)
                .filter(r -> ((VariableRecordValue) r.getValue()).getName().equals("approved"))
                .findFirst());
        assertThat(((VariableRecordValue) variable.getValue()).getValue()).isEqualTo("true");
        assertThat(userTasks.openTasks(processInstanceKey)).isEmpty();
        assertThat(userTasks.openTasks()).extracting(OpenUserTask::userTaskKey).doesNotContain(task.userTaskKey());

        assertThatThrownBy(() -> userTasks.complete(task.userTaskKey(), Map.of("approved", false)))
                .isInstanceOf(UserTaskNotFoundException.class)
                .hasMessageContaining(Long.toString(task.userTaskKey()));
    }

    @Test
    void aTaskCarriesItsProcessVariablesItsNameAndItsDeployedForm() throws Exception {
        String form = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/forms/unpaid-invoice-decision.form"));
        BpmnModelInstance process = Bpmn.createExecutableProcess("decision-form-test")
                .startEvent()
                .userTask("decide", task -> task.name("Decide on unpaid invoice").zeebeUserTask()
                        .zeebeCandidateGroups("credit-control")
                        .zeebeFormId("unpaid-invoice-decision"))
                .endEvent()
                .done();
        long deployedForm = client.newDeployResourceCommand()
                .addProcessModel(process, "decision-form-test.bpmn")
                .addResourceStringUtf8(form, "unpaid-invoice-decision.form")
                .send().join().getForm().get(0).getFormKey();
        java.util.UUID invoiceId = java.util.UUID.randomUUID();
        long processInstanceKey = client.newCreateInstanceCommand()
                .bpmnProcessId("decision-form-test").latestVersion()
                .variables(Map.of("invoiceId", invoiceId.toString(), "invoiceNumber", "INV-77",
                        "customerName", "Nordlys AS", "amount", "1250.00", "reminderNumber", 2))
                .send().join().getProcessInstanceKey();
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(engine);

        OpenUserTask task = awaitSingleOpenTask(userTasks, processInstanceKey);
        assertThat(task.variables()).containsEntry("invoiceNumber", "INV-77").containsEntry("customerName", "Nordlys AS")
                .containsEntry("reminderNumber", 2);
        assertThat(userTasks.formJson(deployedForm)).hasValueSatisfying(json -> assertThat(json).isEqualTo(form));
        assertThat(userTasks.formJson(1L)).isEmpty();

        assertThat(task.taskName()).isEqualTo("Decide on unpaid invoice");
    }

    @Test
    void completingAnUnknownKeyIsNotFound() {
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(engine);

        assertThatThrownBy(() -> userTasks.complete(2251799813999999L, Map.of()))
                .isInstanceOf(UserTaskNotFoundException.class)
                .satisfies(e -> assertThat(((UserTaskNotFoundException) e).userTaskKey()).isEqualTo(2251799813999999L));
    }

    @Test
    void listsPerProcessInstanceInCreationOrder() {
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(engine);
        long first = startInstance();
        OpenUserTask firstTask = awaitSingleOpenTask(userTasks, first);
        long second = startInstance();
        OpenUserTask secondTask = awaitSingleOpenTask(userTasks, second);

        assertThat(userTasks.openTasks(first)).containsExactly(firstTask);
        assertThat(userTasks.openTasks(second)).containsExactly(secondTask);
        assertThat(userTasks.openTasks())
                .filteredOn(t -> t.processInstanceKey() == first || t.processInstanceKey() == second)
                .containsExactly(firstTask, secondTask);

        userTasks.complete(firstTask.userTaskKey(), null);
        assertThat(userTasks.openTasks())
                .filteredOn(t -> t.processInstanceKey() == first || t.processInstanceKey() == second)
                .containsExactly(secondTask);
        client.newCancelInstanceCommand(second).send().join();
        await("task of canceled instance gone", () -> userTasks.openTasks(second).isEmpty()
                ? Optional.of(true) : Optional.empty());
    }

    @Test
    void worksThroughAZeebeSpringTestStyleProxy() {
        DelegatingHandler handler = new DelegatingHandler(engine);
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(proxy(handler));
        long processInstanceKey = startInstance();

        OpenUserTask task = awaitSingleOpenTask(userTasks, processInstanceKey);
        userTasks.complete(task.userTaskKey(), Map.of("approved", true));
        assertThat(userTasks.openTasks(processInstanceKey)).isEmpty();

        // @ZeebeSpringTest swaps the engine per test method and clears it in between: unwrapped on every call
        handler.delegate = null;
        assertThatThrownBy(userTasks::openTasks)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delegate");
        handler.delegate = engine;
        assertThat(userTasks.openTasks(processInstanceKey)).isEmpty();
    }

    @Test
    void worksThroughTheRealZeebeSpringTestProxy() {
        // the handler class that @ZeebeSpringTest puts behind the injected ZeebeTestEngine
        ZeebeTestEngineProxy handler = new ZeebeTestEngineProxy();
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(proxy(handler));
        handler.swapZeebeEngine(engine);
        long processInstanceKey = startInstance();

        OpenUserTask task = awaitSingleOpenTask(userTasks, processInstanceKey);
        userTasks.complete(task.userTaskKey(), Map.of("approved", true));
        assertThat(userTasks.openTasks(processInstanceKey)).isEmpty();

        handler.removeZeebeEngine();
        assertThatThrownBy(userTasks::openTasks).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acceptsAProxyWhoseEngineIsNotThereYet() {
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(proxy(new DelegatingHandler(null)));

        assertThatThrownBy(userTasks::openTasks)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delegate");
    }

    @Test
    void rejectsAProxyWithoutDelegateField() {
        ZeebeTestEngine foreign = proxy(new HandlerWithoutDelegate());

        assertThatThrownBy(() -> new InMemoryEngineUserTasks(foreign))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'delegate'")
                .hasMessageContaining(HandlerWithoutDelegate.class.getName());
    }

    @Test
    void rejectsAProxyWhoseDelegateIsNoInMemoryEngine() {
        ZeebeTestEngine nested = proxy(new DelegatingHandler(proxy(new HandlerWithoutDelegate())));

        assertThatThrownBy(() -> new InMemoryEngineUserTasks(nested))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'delegate'");
    }

    @Test
    void rejectsAnotherEngineImplementation() {
        assertThatThrownBy(() -> new InMemoryEngineUserTasks(new OtherEngine()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InMemoryEngine")
                .hasMessageContaining(OtherEngine.class.getName());
    }

    private static long startInstance() {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS_ID)
                .latestVersion()
                .send()
                .join()
                .getProcessInstanceKey();
    }

    private static OpenUserTask awaitSingleOpenTask(InMemoryEngineUserTasks userTasks, long processInstanceKey) {
        return await("open user task in " + processInstanceKey, () -> {
            List<OpenUserTask> open = userTasks.openTasks(processInstanceKey);
            assertThat(open).hasSizeLessThanOrEqualTo(1);
            return open.stream().findFirst();
        });
    }

    private static Stream<Record<?>> records() {
        RecordStreamSource source = engine.getRecordStreamSource();
        List<Record<?>> copy = new ArrayList<>();
        source.getRecords().forEach(copy::add);
        return copy.stream()
                .filter(r -> r.getRecordType() == RecordType.EVENT);
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + DEADLINE.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static ZeebeTestEngine proxy(InvocationHandler handler) {
        return (ZeebeTestEngine) Proxy.newProxyInstance(InMemoryEngineUserTasksTest.class.getClassLoader(),
                new Class<?>[] {ZeebeTestEngine.class}, handler);
    }

    /** Shaped like the @ZeebeSpringTest proxy's handler: the engine of the current test in a field 'delegate'. */
    private static final class DelegatingHandler implements InvocationHandler {

        private ZeebeTestEngine delegate;

        DelegatingHandler(ZeebeTestEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return method.invoke(delegate, args);
        }
    }

    private static final class HandlerWithoutDelegate implements InvocationHandler {

        private final Object engine = new Object();

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            throw new UnsupportedOperationException(method.getName() + " on " + engine);
        }
    }

    private static final class OtherEngine implements ZeebeTestEngine {

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public RecordStreamSource getRecordStreamSource() {
            return List::of;
        }

        @Override
        public ZeebeClient createClient() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ZeebeClient createClient(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getGatewayAddress() {
            return "nowhere:0";
        }

        @Override
        public void increaseTime(Duration timeToAdd) {
        }

        @Override
        public void waitForIdleState(Duration timeout) {
        }

        @Override
        public void waitForBusyState(Duration timeout) {
        }
    }
}
