package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.invoice.InvoiceQueries;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.invoice.InvoiceView;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.ForbiddenException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.SecuritySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The local Tasklist stand-in on an in-memory engine: a task's name from the model, its creditor and invoice, its
 * deployed form, completion checked against that form, and only the tasks of the caller's creditors.
 */
class LocalTaskControllerTest {

    private static final String FORM = "bpmn/forms/unpaid-invoice-decision.form";
    private static final UUID INVOICE = UUID.randomUUID();

    private static ZeebeTestEngine engine;
    private static CamundaClient client;
    private static InvoiceQueries invoices;

    @BeforeAll
    static void startEngineAndDeploy() throws Exception {
        engine = EngineFactory.create();
        engine.start();
        client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false).build();
        client.newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("inbox-test").startEvent()
                        .userTask("decide", task -> task.name("Decide on unpaid invoice").zeebeUserTask()
                                .zeebeCandidateGroups("credit-control").zeebeFormId("unpaid-invoice-decision"))
                        .userTask("call", task -> task.name("Call the customer").zeebeUserTask())
                        .endEvent().done(), "inbox-test.bpmn")
                .addResourceStringUtf8(Files.readString(Path.of(FORM)), "unpaid-invoice-decision.form")
                .send().join();
        invoices = mock(InvoiceQueries.class);
        InvoiceView view = mock(InvoiceView.class, RETURNS_DEEP_STUBS);
        when(view.id()).thenReturn(INVOICE);
        when(view.creditorId()).thenReturn("acme-no");
        when(view.invoiceNumber()).thenReturn("INV-77");
        when(view.customer().name()).thenReturn("Nordlys AS");
        when(view.outstanding()).thenReturn("1320.00");
        when(view.currency()).thenReturn("NOK");
        when(view.status()).thenReturn(InvoiceStatus.OPEN);
        when(invoices.summary(INVOICE)).thenReturn(java.util.Optional.of(view));
    }

    @AfterAll
    static void stopEngine() {
        client.close();
        engine.stop();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void listsATaskWithItsNameCreditorAndInvoiceGivesItsFormAndCompletesItOnlyWithWhatTheFormAllows() throws Exception {
        LocalTaskController controller = controller(false);
        long instance = start(Map.of("invoiceId", INVOICE.toString(), "invoiceNumber", "INV-77", "reminderNumber", 2));
        InboxTask task = awaitTask(controller, instance);

        assertThat(task.taskName()).isEqualTo("Decide on unpaid invoice");
        assertThat(task.elementId()).isEqualTo("decide");
        assertThat(task.creditorId()).as("its invoice's creditor").isEqualTo("acme-no");
        assertThat(task.invoice()).isEqualTo(new InboxTask.TaskInvoice(INVOICE, "INV-77", "Nordlys AS", "1320.00", "NOK",
                "OPEN"));
        assertThat(task.variables()).containsEntry("reminderNumber", 2);
        assertThat(controller.task(task.userTaskKey())).isEqualTo(task);
        assertThat(controller.form(task.userTaskKey())).as("exactly as deployed").isEqualTo(Files.readString(Path.of(FORM)));

        assertThatThrownBy(() -> controller.complete(task.userTaskKey(), Map.of("decision", "nonsense")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("decision");
                            assertThat(problem.message()).contains("HAND_OVER", "WRITE_OFF");
                        }));
        assertThatThrownBy(() -> controller.complete(task.userTaskKey(), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                        .extracting(f -> f.field() + " " + f.message()).containsExactly("decision is required"));
        assertThat(controller.task(task.userTaskKey())).as("a refused submission leaves the task open").isNotNull();

        assertThat(controller.complete(task.userTaskKey(), Map.of("decision", "WRITE_OFF")).getStatusCode().value())
                .isEqualTo(204);
        InboxTask next = await().atMost(Duration.ofSeconds(10)).until(() -> tasksOf(controller, instance),
                tasks -> tasks.size() == 1 && !tasks.get(0).elementId().equals("decide")).get(0);
        assertThatThrownBy(() -> controller.task(task.userTaskKey())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.form(task.userTaskKey())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.complete(task.userTaskKey(), Map.of("decision", "WRITE_OFF")))
                .isInstanceOf(NotFoundException.class);
        assertThat(next.taskName()).isEqualTo("Call the customer");
        assertThatThrownBy(() -> controller.form(next.userTaskKey())).as("no linked form")
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no linked form");
    }

    @Test
    void aCallerSeesAndCompletesOnlyTheTasksOfItsCreditors() {
        long ofAcme = start(Map.of("invoiceId", INVOICE.toString()));
        long ofOther = start(Map.of("creditorId", "other-se"));
        long ofNobody = start(Map.of("invoiceId", UUID.randomUUID().toString()));
        awaitTask(controller(false), ofAcme);
        awaitTask(controller(false), ofNobody);
        InboxTask other = awaitTask(controller(false), ofOther);
        assertThat(other.creditorId()).as("its process's creditorId").isEqualTo("other-se");
        assertThat(other.invoice()).isNull();
        assertThat(controller(false).open("other-se")).extracting(InboxTask::processInstanceKey)
                .contains(ofOther).doesNotContain(ofAcme, ofNobody);

        LocalTaskController acme = controller(true);
        signInFor("acme-no");
        assertThat(acme.open(null)).extracting(InboxTask::processInstanceKey).contains(ofAcme)
                .doesNotContain(ofOther, ofNobody);
        assertThatThrownBy(() -> acme.open("other-se")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> acme.task(other.userTaskKey())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> acme.form(other.userTaskKey())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> acme.complete(other.userTaskKey(), Map.of("decision", "WRITE_OFF")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(controller(false).task(other.userTaskKey())).as("still open").isNotNull();

        signInFor("*");
        assertThat(acme.open(null)).extracting(InboxTask::processInstanceKey).contains(ofAcme, ofOther, ofNobody);
    }

    private static LocalTaskController controller(boolean security) {
        SecuritySettings settings = new SecuritySettings(security, null, null, null, null, "creditors", null, "read");
        return new LocalTaskController(new InMemoryEngineUserTasks(engine), invoices, new CreditorAccess(settings));
    }

    private static void signInFor(String creditor) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "none").claim("creditors", List.of(creditor)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    private static long start(Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId("inbox-test").latestVersion().variables(variables)
                .send().join().getProcessInstanceKey();
    }

    private static InboxTask awaitTask(LocalTaskController controller, long instance) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> tasksOf(controller, instance), tasks -> tasks.size() == 1)
                .get(0);
    }

    private static List<InboxTask> tasksOf(LocalTaskController controller, long instance) {
        return controller.open(null).stream().filter(t -> t.processInstanceKey() == instance).toList();
    }
}
