package org.collectionorchestrator.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.util.List;
import org.collectionorchestrator.process.ProcessView;
import org.collectionorchestrator.process.ProcessView.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production process view against WireMock standing in for a Camunda 8.8 cluster's REST API (v2): the requests
 * the 8.8 Java client sends for the instance, its active called instances, their element instances, open incidents
 * and deployed XML, and how the answers become the view.
 */
class CamundaProcessViewsTest {

    private static final String XML = "<definitions id=\"lifecycle\"/>";

    private final WireMockServer camunda = new WireMockServer(options().dynamicPort());
    private CamundaClient client;
    private CamundaProcessViews views;

    @BeforeEach
    void start() {
        camunda.start();
        client = CamundaClient.newClientBuilder().restAddress(URI.create(camunda.baseUrl())).preferRestOverGrpc(true)
                .build();
        views = new CamundaProcessViews(client);
    }

    @AfterEach
    void stop() {
        client.close();
        camunda.stop();
    }

    @Test
    void theInstanceFirstThenItsActiveCalledInstanceEachWithElementsIncidentsAndDeployedXml() {
        stubInstance(100, null, "receivable-lifecycle", "Receivable lifecycle", 10, "ACTIVE");
        stubChildren(100, instanceJson(200, 100L, "deliver-document", "Deliver document", 20, "ACTIVE"));
        stubChildren(200);
        stubElements(100, element("receivable-lifecycle", "PROCESS", "ACTIVE"),
                element("StartEvent_InvoiceRegistered", "START_EVENT", "COMPLETED"),
                element("Activity_FollowUpInvoice", "SUB_PROCESS", "ACTIVE"),
                element("Event_ReminderDay", "INTERMEDIATE_CATCH_EVENT", "COMPLETED"),
                element("Event_ReminderDay", "INTERMEDIATE_CATCH_EVENT", "COMPLETED"),
                element("Activity_DeliverReminder", "CALL_ACTIVITY", "ACTIVE"),
                element("Activity_SendFriendlyNotice", "SERVICE_TASK", "TERMINATED"));
        stubElements(200, element("deliver-document", "PROCESS", "ACTIVE"),
                element("Activity_SendDocument", "SERVICE_TASK", "ACTIVE"));
        stubIncidents(100);
        stubIncidents(200, "{\"incidentKey\": \"900\", \"elementId\": \"Activity_SendDocument\", \"state\": \"ACTIVE\","
                + " \"processInstanceKey\": \"200\", \"errorType\": \"JOB_NO_RETRIES\", \"errorMessage\": \"down\"}");
        stubXml(10, XML);
        stubXml(20, "<definitions id=\"deliver\"/>");

        ProcessView view = views.of(100).orElseThrow();

        assertThat(view.instances()).containsExactly(
                new ProcessView.Instance(100, null, "receivable-lifecycle", "Receivable lifecycle", 10, State.ACTIVE, XML,
                        List.of("Activity_FollowUpInvoice", "Activity_DeliverReminder"),
                        List.of("StartEvent_InvoiceRegistered", "Event_ReminderDay"), List.of()),
                new ProcessView.Instance(200, 100L, "deliver-document", "Deliver document", 20, State.ACTIVE,
                        "<definitions id=\"deliver\"/>", List.of("Activity_SendDocument"), List.of(),
                        List.of("Activity_SendDocument")));
        camunda.verify(postRequestedForSearch("process-instances", "parentProcessInstanceKey", 100)
                .withRequestBody(matchingJsonPath("$.filter.state", containing("ACTIVE"))));

        views.of(100);
        camunda.verify(1, getRequestedFor(urlPathEqualTo("/v2/process-definitions/10/xml")));
    }

    @Test
    void aCompletedInstanceWithoutCalledInstancesAndAnUnknownOne() {
        stubInstance(100, null, "receivable-lifecycle", "Receivable lifecycle", 10, "COMPLETED");
        stubChildren(100);
        stubElements(100, element("EndEvent_Settled", "END_EVENT", "COMPLETED"));
        stubIncidents(100);
        stubXml(10, XML);
        camunda.stubFor(get(urlPathEqualTo("/v2/process-instances/404")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"about:blank\", \"title\": \"NOT_FOUND\", \"status\": 404,"
                        + " \"detail\": \"Process instance with key '404' not found\"}")));

        assertThat(views.of(100).orElseThrow().instances()).singleElement().satisfies(instance -> {
            assertThat(instance.state()).isEqualTo(State.COMPLETED);
            assertThat(instance.activeElementIds()).isEmpty();
            assertThat(instance.completedElementIds()).containsExactly("EndEvent_Settled");
        });
        assertThat(views.of(404)).isEmpty();
    }

    private void stubInstance(long key, Long parent, String bpmnProcessId, String name, long definition, String state) {
        camunda.stubFor(get(urlPathEqualTo("/v2/process-instances/" + key))
                .willReturn(okJson(instanceJson(key, parent, bpmnProcessId, name, definition, state))));
    }

    private static String instanceJson(long key, Long parent, String bpmnProcessId, String name, long definition,
                                       String state) {
        return """
                {"processInstanceKey": "%d", %s"processDefinitionId": "%s", "processDefinitionName": "%s",
                 "processDefinitionVersion": 1, "processDefinitionKey": "%d", "state": "%s",
                 "startDate": "2026-12-01T08:00:00.000Z", "hasIncident": false, "tenantId": "<default>"}"""
                .formatted(key, parent == null ? "" : "\"parentProcessInstanceKey\": \"" + parent + "\", ",
                        bpmnProcessId, name, definition, state);
    }

    private void stubChildren(long parent, String... children) {
        camunda.stubFor(post(urlPathEqualTo("/v2/process-instances/search"))
                .withRequestBody(matchingJsonPath("$.filter.parentProcessInstanceKey", containing("\"" + parent + "\"")))
                .willReturn(okJson(page(children))));
    }

    private int elementKey = 1000;

    private String element(String elementId, String type, String state) {
        elementKey++;
        return """
                {"elementInstanceKey": "%d", "elementId": "%s", "elementName": "%s", "type": "%s", "state": "%s",
                 "hasIncident": false, "processDefinitionId": "p", "processDefinitionKey": "1", "processInstanceKey": "1",
                 "startDate": "2026-12-01T08:00:00.000Z", "tenantId": "<default>"}"""
                .formatted(elementKey, elementId, elementId, type, state);
    }

    private void stubElements(long instance, String... elements) {
        camunda.stubFor(post(urlPathEqualTo("/v2/element-instances/search"))
                .withRequestBody(matchingJsonPath("$.filter.processInstanceKey", containing("" + instance)))
                .willReturn(okJson(page(elements))));
    }

    private void stubIncidents(long instance, String... incidents) {
        camunda.stubFor(post(urlPathEqualTo("/v2/incidents/search"))
                .withRequestBody(matchingJsonPath("$.filter.processInstanceKey", containing("" + instance)))
                .withRequestBody(matchingJsonPath("$.filter.state", containing("ACTIVE")))
                .willReturn(okJson(page(incidents))));
    }

    private void stubXml(long definition, String xml) {
        camunda.stubFor(get(urlPathEqualTo("/v2/process-definitions/" + definition + "/xml"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    private static String page(String... items) {
        return "{\"items\": [" + String.join(",", items) + "], \"page\": {\"totalItems\": " + items.length + "}}";
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder postRequestedForSearch(
            String resource, String filterField, long value) {
        return com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v2/" + resource + "/search"))
                .withRequestBody(matchingJsonPath("$.filter." + filterField, containing("" + value)));
    }
}
