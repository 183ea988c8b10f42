package org.collectionorchestrator.collection;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.springframework.stereotype.Component;

/** The job workers of the weekly hand-over review ({@code bpmn/hand-over-review.bpmn}). */
@Component
public class HandOverReviewWorkers {

    public static final String PLAN = "plan-hand-over-review";
    public static final String COLLECT = "collect-hand-over-list";
    public static final String EMAIL = "email-hand-over-list";
    public static final String APPROVE = "approve-hand-over";
    private static final String NO_REASON = "no reason given";

    private final HandOverReview review;
    private final HandOverMail mail;

    public HandOverReviewWorkers(HandOverReview review, HandOverMail mail) {
        this.review = review;
        this.mail = mail;
    }

    /**
     * {@code nextReviewAt} (the timer's date) and {@code approvalWindow} from the creditor's current settings, and
     * {@code active}: whether the creditor has an agency to hand over to.
     */
    @JobWorker(type = PLAN, fetchVariables = {"creditorId"})
    public Map<String, Object> plan(ActivatedJob job, @Variable String creditorId) {
        try {
            HandOverReview.Schedule schedule = review.nextReview(creditorId);
            return Map.of("nextReviewAt", schedule.nextReviewAt().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "approvalWindow", schedule.approvalWindow().toString(), "active", schedule.active());
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }

    /** The list for the form: {@code invoices} (each with {@code stop} false), {@code invoiceCount}, {@code reviewId}. */
    @JobWorker(type = COLLECT, fetchVariables = {"creditorId"})
    public Map<String, Object> collect(ActivatedJob job, @Variable String creditorId) {
        try {
            List<Map<String, Object>> invoices = new ArrayList<>();
            for (HandOverReview.Candidate c : review.candidates(creditorId)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("invoiceId", c.invoiceId());
                line.put("invoiceNumber", c.invoiceNumber());
                line.put("customerName", c.customerName());
                line.put("amount", c.amount());
                line.put("currency", c.currency());
                line.put("daysOverdue", c.daysOverdue());
                line.put("lettersSent", c.lettersSent());
                line.put("stop", false);
                line.put("stopReason", "");
                invoices.add(line);
            }
            return Map.of("invoices", invoices, "invoiceCount", invoices.size(), "approvedByTimer", false,
                    "reviewId", "review-" + job.getProcessInstanceKey() + "-" + UUID.randomUUID().toString().substring(0, 8));
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }

    @JobWorker(type = EMAIL, fetchVariables = {"creditorId", "reviewId", "invoiceCount", "approvalWindow"})
    public void email(ActivatedJob job, @Variable String creditorId, @Variable String reviewId,
                      @Variable Integer invoiceCount, @Variable String approvalWindow) {
        try {
            mail.listReady(creditorId, reviewId, invoiceCount == null ? 0 : invoiceCount, approvalWindow);
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }

    /**
     * Approves the list as the form left it ({@code invoices} with {@code stop} and {@code stopReason} per line), or
     * as it stands when the window ran out ({@code approvedByTimer}).
     */
    @JobWorker(type = APPROVE, fetchVariables = {"creditorId", "reviewId", "invoices", "approvedByTimer"})
    public Map<String, Object> approve(ActivatedJob job, @Variable String creditorId, @Variable String reviewId,
                                       @Variable List<Map<String, Object>> invoices, @Variable Boolean approvedByTimer) {
        try {
            List<String> listed = new ArrayList<>();
            Map<String, String> stopped = new LinkedHashMap<>();
            for (Map<String, Object> line : invoices == null ? List.<Map<String, Object>>of() : invoices) {
                String id = String.valueOf(line.get("invoiceId"));
                listed.add(id);
                boolean byTimer = Boolean.TRUE.equals(approvedByTimer);
                if (!byTimer && Boolean.TRUE.equals(line.get("stop"))) {
                    Object reason = line.get("stopReason");
                    stopped.put(id, reason == null || reason.toString().isBlank() ? NO_REASON : reason.toString().strip());
                }
            }
            HandOverReview.Outcome outcome = review.approve(creditorId, reviewId, listed, stopped,
                    Boolean.TRUE.equals(approvedByTimer));
            return Map.of("approvedCount", outcome.approved().size(), "stoppedCount", outcome.stopped().size(),
                    "droppedOutCount", outcome.droppedOut().size());
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }
}
