package org.collectionorchestrator.collection;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The job workers of the agency case process ({@code bpmn/agency-case.bpmn}). An agency that refuses (4xx) or stays
 * unreachable until the deadline, or a configuration that lets no agency take the invoice, is an incident carrying
 * the reason (the agency's problem text); an operator retries it once the cause is fixed.
 */
@Component
public class AgencyCaseWorkers {

    public static final String HAND_OVER = "hand-over-to-agency";
    public static final String REPORT_PAYMENTS = "report-payments-to-agency";
    public static final String SEND_RECALL = "send-recall-to-agency";
    public static final String CLOSE_CASE = "close-agency-case";
    /** BPMN error: the invoice owes nothing any more, so it is not handed over. */
    public static final String INVOICE_CLOSED = "INVOICE_CLOSED";
    /** Longer than the agency deadline ({@code collection.agencies.deadline}, 2 minutes by default). */
    private static final long JOB_TIMEOUT_MS = 10 * 60 * 1000L;

    private final AgencyCases cases;

    public AgencyCaseWorkers(AgencyCases cases) {
        this.cases = cases;
    }

    @JobWorker(type = HAND_OVER, fetchVariables = {"caseId", "invoiceId", "chosenAgencyId"}, timeout = JOB_TIMEOUT_MS)
    public void handOver(ActivatedJob job, @Variable String caseId, @Variable String invoiceId,
                         @Variable String chosenAgencyId) {
        boolean handedOver = call(job, invoiceId, "hand-over", () -> cases.handOver(UUID.fromString(caseId), chosenAgencyId));
        if (!handedOver) {
            throw CamundaError.bpmnError(INVOICE_CLOSED, "Invoice " + invoiceId + " owes nothing; not handed over");
        }
    }

    @JobWorker(type = REPORT_PAYMENTS, fetchVariables = {"caseId", "invoiceId"}, timeout = JOB_TIMEOUT_MS)
    public void reportPayments(ActivatedJob job, @Variable String caseId, @Variable String invoiceId) {
        call(job, invoiceId, "payment report", () -> cases.reportPayments(UUID.fromString(caseId)));
    }

    @JobWorker(type = CLOSE_CASE, fetchVariables = {"caseId", "invoiceId"}, timeout = JOB_TIMEOUT_MS)
    public void closeCase(ActivatedJob job, @Variable String caseId, @Variable String invoiceId) {
        call(job, invoiceId, "payment report", () -> {
            cases.reportPayments(UUID.fromString(caseId));
            cases.closeSettled(UUID.fromString(caseId));
            return null;
        });
    }

    @JobWorker(type = SEND_RECALL, fetchVariables = {"caseId", "invoiceId"}, timeout = JOB_TIMEOUT_MS)
    public void sendRecall(ActivatedJob job, @Variable String caseId, @Variable String invoiceId) {
        call(job, invoiceId, "recall", () -> {
            cases.sendRecall(UUID.fromString(caseId));
            return null;
        });
    }

    private static <T> T call(ActivatedJob job, String invoiceId, String what, java.util.function.Supplier<T> action) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            return action.get();
        } catch (AgencyRefusedException e) {
            throw JobFailures.incident("The agency refused the " + what + " (" + e.getMessage() + ")");
        } catch (AgencyUnavailableException e) {
            throw JobFailures.incident("The agency did not accept the " + what + " before the deadline: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw JobFailures.incident(e.getMessage());
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }
}
