package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.collectionorchestrator.process.ProcessView;
import org.collectionorchestrator.process.ProcessView.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local process view read from the in-memory engine: a caller, the instance it calls, incidents, end states. */
class RecordStreamProcessViewsTest {

    private static ZeebeTestEngine engine;
    private static CamundaClient client;
    private static RecordStreamProcessViews views;

    @BeforeAll
    static void startEngineAndDeploy() {
        engine = EngineFactory.create();
        engine.start();
        client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false).build();
        BpmnModelInstance caller = Bpmn.createExecutableProcess("caller").name("Caller").startEvent("Start")
                .callActivity("CallChild", call -> call.name("Call child").zeebeProcessId("child"))
                .exclusiveGateway("Check")
                .sequenceFlowId("Flow_Ok").conditionExpression("ok").endEvent("Done")
                .moveToLastExclusiveGateway()
                .sequenceFlowId("Flow_NotOk").conditionExpression("not(ok)").endEvent("NotDone")
                .done();
        BpmnModelInstance child = Bpmn.createExecutableProcess("child").name("Child").startEvent("ChildStart")
                .userTask("Approve", task -> task.name("Approve").zeebeUserTask()).endEvent("ChildDone").done();
        client.newDeployResourceCommand().addProcessModel(caller, "caller.bpmn").addProcessModel(child, "child.bpmn")
                .send().join();
        views = new RecordStreamProcessViews(engine);
    }

    @AfterAll
    static void stopEngine() {
        client.close();
        engine.stop();
    }

    @Test
    void showsTheCallerWhereItWaitsThenTheCalledInstanceWithItsActiveTask() {
        long caller = client.newCreateInstanceCommand().bpmnProcessId("caller").latestVersion().send().join()
                .getProcessInstanceKey();

        ProcessView view = await().atMost(Duration.ofSeconds(10)).until(() -> views.of(caller).orElseThrow(),
                v -> v.instances().size() == 2 && !v.instances().get(1).activeElementIds().isEmpty());

        ProcessView.Instance first = view.instances().get(0);
        assertThat(first.processInstanceKey()).isEqualTo(caller);
        assertThat(first.parentProcessInstanceKey()).isNull();
        assertThat(first.bpmnProcessId()).isEqualTo("caller");
        assertThat(first.processName()).isEqualTo("Caller");
        assertThat(first.state()).isEqualTo(State.ACTIVE);
        assertThat(first.bpmnXml()).contains("<callActivity id=\"CallChild\"");
        assertThat(first.activeElementIds()).containsExactly("CallChild");
        assertThat(first.completedElementIds()).containsExactly("Start");
        assertThat(first.incidentElementIds()).isEmpty();
        ProcessView.Instance called = view.instances().get(1);
        assertThat(called.parentProcessInstanceKey()).isEqualTo(caller);
        assertThat(called.processName()).isEqualTo("Child");
        assertThat(called.processDefinitionKey()).isNotEqualTo(first.processDefinitionKey());
        assertThat(called.activeElementIds()).containsExactly("Approve");
        assertThat(called.completedElementIds()).containsExactly("ChildStart");
        assertThat(views.of(called.processInstanceKey()).orElseThrow().instances()).as("viewed on its own")
                .extracting(ProcessView.Instance::processInstanceKey).containsExactly(called.processInstanceKey());
    }

    @Test
    void showsAnIncidentWhereTheInstanceIsStuckAndTheEndStateOnceItIsOverWithoutItsFinishedCallee() {
        long caller = client.newCreateInstanceCommand().bpmnProcessId("caller").latestVersion().send().join()
                .getProcessInstanceKey();
        long callee = await().atMost(Duration.ofSeconds(10)).until(() -> views.of(caller).orElseThrow(),
                v -> v.instances().size() == 2).instances().get(1).processInstanceKey();
        InMemoryEngineUserTasks userTasks = new InMemoryEngineUserTasks(engine);
        OpenUserTask approve = await().atMost(Duration.ofSeconds(10)).until(() -> userTasks.openTasks(callee),
                open -> !open.isEmpty()).get(0);
        userTasks.complete(approve.userTaskKey(), Map.of("note", "no ok variable"));

        ProcessView stuck = await().atMost(Duration.ofSeconds(10)).until(() -> views.of(caller).orElseThrow(),
                v -> !v.instances().get(0).incidentElementIds().isEmpty());
        assertThat(stuck.instances()).as("the finished callee is left out").hasSize(1);
        assertThat(stuck.instances().get(0).incidentElementIds()).containsExactly("Check");
        assertThat(stuck.instances().get(0).activeElementIds()).containsExactly("Check");
        assertThat(stuck.instances().get(0).completedElementIds()).containsExactly("Start", "CallChild");

        client.newCancelInstanceCommand(caller).send().join();
        ProcessView over = await().atMost(Duration.ofSeconds(10)).until(() -> views.of(caller).orElseThrow(),
                v -> v.instances().get(0).state() != State.ACTIVE);
        assertThat(over.instances().get(0).state()).isEqualTo(State.TERMINATED);
        assertThat(over.instances().get(0).activeElementIds()).isEmpty();
        assertThat(over.instances().get(0).incidentElementIds()).as("resolved by the cancel").isEmpty();
    }

    @Test
    void anInstanceTheEngineDoesNotKnowHasNoView() {
        assertThat(views.of(2251799813999999L)).isEmpty();
    }
}
