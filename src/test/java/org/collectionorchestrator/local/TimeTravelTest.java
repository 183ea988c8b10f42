package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Time travel on the real engine and database: one jump has the same effect as that much time passing, i.e. timers
 * created by earlier timers fire within the same jump, each on its own due time.
 */
class TimeTravelTest extends ApplicationTestSupport {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Work a timer starts (engine, worker, PostgreSQL) takes well under this here. */
    private static final Duration SLACK = Duration.ofSeconds(10);
    /** The audit trails of the two ways to move 45 days, by the due date they were made for. */
    private static final Map<String, Map<LocalDate, List<String>>> TRAILS = new ConcurrentHashMap<>();

    @Autowired
    BankCalendar calendar;

    private record Claim(String id, long process, LocalDate dueDate) {
    }

    @Test
    void oneJumpOf45DaysSendsEveryLetterOnItsOwnTimersDay() {
        Claim claim = privateNorwegianInvoiceDueTomorrow();

        EngineTime.Jump jump = engineTime.advance(Duration.ofDays(45));

        assertThat(clock.instant()).isAfterOrEqualTo(Instant.now().plus(Duration.ofDays(45)).minusSeconds(60));
        assertThat(((MovableClock) clock).offset()).isEqualTo(Duration.ofDays(45));
        assertLettersOnTheirTimersDays(claim);
        assertThat(jump.timersFired()).as("the reminder's and the notice's")
                .isEqualTo(triggeredTimers().size()).isEqualTo(2);
        assertThat(jump.steps()).isEqualTo(jump.timersFired());
        assertThat(jump.stepLimitReached()).isFalse();
        compareWithTheOtherWay("one jump of P45D", claim);
        assertPushedJobsAreRecordedAsActivated();
    }

    /** EngineTime waits for jobs pushed to workers; it sees them as JOB_BATCH ACTIVATED events. */
    private void assertPushedJobsAreRecordedAsActivated() {
        List<Record<?>> records = EngineRecords.of(engine);
        Set<Long> reminderJobs = records.stream()
                .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.CREATED)
                .filter(r -> ((JobRecordValue) r.getValue()).getType().equals("send-dunning-letter"))
                .map(Record::getKey).collect(Collectors.toSet());
        Set<Long> activated = records.stream()
                .filter(r -> r.getValueType() == ValueType.JOB_BATCH && r.getIntent() == JobBatchIntent.ACTIVATED)
                .flatMap(r -> ((JobBatchRecordValue) r.getValue()).getJobKeys().stream())
                .collect(Collectors.toSet());
        assertThat(reminderJobs).hasSize(2);
        assertThat(activated).containsAll(reminderJobs);
    }

    @Test
    void fortyFiveJumpsOfOneDayGiveTheSameTrail() {
        Claim claim = privateNorwegianInvoiceDueTomorrow();

        int fired = 0;
        for (int day = 0; day < 45; day++) {
            fired += engineTime.advance(Duration.ofDays(1)).timersFired();
        }

        assertThat(((MovableClock) clock).offset()).isEqualTo(Duration.ofDays(45));
        assertLettersOnTheirTimersDays(claim);
        assertThat(fired).isEqualTo(triggeredTimers().size()).isEqualTo(2);
        compareWithTheOtherWay("45 jumps of P1D", claim);
    }

    @Test
    void aJumpWithNoTimerDueMovesBothClocksAndFiresNothing() {
        Claim farOff = registered(today().plusDays(60));
        long timerDue = waitingTimers().values().stream().findFirst().orElseThrow();

        EngineTime.Jump jump = engineTime.advance(Duration.ofDays(10));

        assertThat(jump.timersFired()).isZero();
        assertThat(jump.steps()).isZero();
        assertThat(((MovableClock) clock).offset()).isEqualTo(Duration.ofDays(10));
        assertThat(waitingTimers()).containsValue(timerDue);
        // The engine's clock moved as far: what it records from now on carries the application clock's time.
        Claim next = registered(today().plusDays(60));
        long engineNow = EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.TIMER && r.getIntent() == TimerIntent.CREATED)
                .filter(r -> ((TimerRecordValue) r.getValue()).getProcessInstanceKey() == next.process())
                .mapToLong(Record::getTimestamp).findFirst().orElseThrow();
        assertThat(Math.abs(engineNow - clock.millis())).as("engine and application clock agree (ms)")
                .isLessThan(SLACK.toMillis());
        assertThat(farOff.process()).isNotEqualTo(next.process());
    }

    /**
     * NO private (dmn/dunning-strategy.dmn): the reminder's timer 14 days after the due date (the law's earliest fee
     * day), the collection notice's 21 days after the reminder. Each letter is written on its own timer's due time,
     * and its payBy is 14 days from that day.
     */
    private void assertLettersOnTheirTimersDays(Claim claim) {
        Map<Long, Record<TimerRecordValue>> created = createdTimers(claim.process());
        Map<Long, Long> triggered = triggeredTimers();
        List<Record<TimerRecordValue>> letterTimers = new ArrayList<>(byDueDate(created, triggered, "Event_ReminderDay"));
        letterTimers.addAll(byDueDate(created, triggered, "Event_CollectionNoticeDay"));
        List<JsonNode> letters = new ArrayList<>(auditEntries(claim.id(), "REMINDER_SENT"));
        letters.addAll(auditEntries(claim.id(), "NOTICE_SENT"));

        assertThat(letterTimers).as("the reminder's and the notice's timers fired").hasSize(2);
        assertThat(letters).as("the reminder and the notice the strategy promises within 45 days").hasSize(2);
        Instant firstDue = Instant.ofEpochMilli(letterTimers.getFirst().getValue().getDueDate());
        assertThat(firstDue.atZone(OSLO).toLocalDate())
                .isEqualTo(calendar.onOrNextBankingDay(Country.NO, calendar.onOrNextBankingDay(Country.NO, claim.dueDate()).plusDays(14)));

        Instant previous = null;
        for (int n = 0; n < 2; n++) {
            Instant due = Instant.ofEpochMilli(letterTimers.get(n).getValue().getDueDate());
            assertThat(due.atZone(OSLO).toLocalTime()).as("letter %d timer at the start of its day", n + 1).isEqualTo("00:00");
            if (previous != null) {
                assertThat(due).as("letter %d at least 21 days after the one before", n + 1)
                        .isAfterOrEqualTo(previous.plus(Duration.ofDays(21)));
            }
            assertThat(Instant.ofEpochMilli(triggered.get(letterTimers.get(n).getKey())))
                    .as("engine time when letter %d timer fired", n + 1).isBetween(due, due.plus(SLACK));
            JsonNode letter = letters.get(n);
            Instant at = OffsetDateTime.parse(letter.get("at").asText()).toInstant();
            assertThat(at).as("letter %d written on its timer's due time", n + 1).isBetween(due, due.plus(SLACK));
            LocalDate day = at.atZone(OSLO).toLocalDate();
            assertThat(LocalDate.parse(letter.get("letterDate").asText())).isEqualTo(day);
            assertThat(LocalDate.parse(letter.get("payBy").asText()))
                    .isEqualTo(calendar.onOrNextBankingDay(Country.NO, day.plusDays(14)));
            previous = due;
        }
        assertThat(waitingTimers().values()).as("no timer due by now is left waiting")
                .allMatch(dueDate -> dueDate > clock.millis());
    }

    /** Whichever of the two 45-day tests runs second compares its trail (days after the due date) with the other's. */
    private void compareWithTheOtherWay(String way, Claim claim) {
        List<String> trail = new ArrayList<>();
        for (JsonNode entry : invoice(claim.id()).get("auditTrail")) {
            LocalDate day = OffsetDateTime.parse(entry.get("at").asText()).atZoneSameInstant(OSLO).toLocalDate();
            String payBy = entry.has("payBy")
                    ? " payBy +" + ChronoUnit.DAYS.between(claim.dueDate(), LocalDate.parse(entry.get("payBy").asText()))
                    : "";
            trail.add(entry.get("type").asText() + " +" + ChronoUnit.DAYS.between(claim.dueDate(), day) + payBy);
        }
        assertThat(trail).filteredOn(e -> e.startsWith("REMINDER_SENT") || e.startsWith("NOTICE_SENT")).hasSize(2);
        Map<LocalDate, List<String>> mine = TRAILS.computeIfAbsent(way, w -> new ConcurrentHashMap<>());
        mine.put(claim.dueDate(), trail);
        TRAILS.forEach((otherWay, trails) -> {
            if (!otherWay.equals(way) && trails.containsKey(claim.dueDate())) {
                assertThat(trail).as("%s against %s", way, otherWay).isEqualTo(trails.get(claim.dueDate()));
            }
        });
    }

    private Claim privateNorwegianInvoiceDueTomorrow() {
        return registered(today().plusDays(1));
    }

    /** Registers and waits until the process runs (the start may come after the response). */
    private Claim registered(LocalDate dueDate) {
        String creditor = createCreditor("NO", "NOK", "nb");
        ResponseEntity<JsonNode> response = post("/api/v1/invoices",
                invoiceBody(creditor, "PRIVATE", false, dueDate, "1250.00", "NOK"));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        String id = response.getBody().get("id").asText();
        long process = await().atMost(Duration.ofSeconds(20))
                .until(() -> invoice(id).get("processInstanceKey"), key -> key != null && key.isNumber()).asLong();
        // The overdue timer is in place before time moves.
        await().atMost(Duration.ofSeconds(20)).until(() -> !createdTimers(process).isEmpty());
        return new Claim(id, process, dueDate);
    }

    private List<JsonNode> auditEntries(String invoiceId, String type) {
        List<JsonNode> entries = new ArrayList<>();
        invoice(invoiceId).get("auditTrail").forEach(entry -> {
            if (type.equals(entry.get("type").asText())) {
                entries.add(entry);
            }
        });
        return entries;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Record<TimerRecordValue>> createdTimers(long process) {
        Map<Long, Record<TimerRecordValue>> timers = new LinkedHashMap<>();
        for (Record<?> r : EngineRecords.of(engine)) {
            if (r.getValueType() == ValueType.TIMER && r.getRecordType() == RecordType.EVENT
                    && r.getIntent() == TimerIntent.CREATED
                    && ((TimerRecordValue) r.getValue()).getProcessInstanceKey() == process) {
                timers.put(r.getKey(), (Record<TimerRecordValue>) r);
            }
        }
        return timers;
    }

    /** Timer key to the engine's time when it was triggered. */
    private Map<Long, Long> triggeredTimers() {
        Map<Long, Long> triggered = new HashMap<>();
        for (Record<?> r : EngineRecords.of(engine)) {
            if (r.getValueType() == ValueType.TIMER && r.getRecordType() == RecordType.EVENT
                    && r.getIntent() == TimerIntent.TRIGGERED) {
                triggered.put(r.getKey(), r.getTimestamp());
            }
        }
        return triggered;
    }

    /** Timer key to due date, for timers created and neither triggered nor canceled. */
    private Map<Long, Long> waitingTimers() {
        Map<Long, Long> waiting = new HashMap<>();
        for (Record<?> r : EngineRecords.of(engine)) {
            if (r.getValueType() != ValueType.TIMER || r.getRecordType() != RecordType.EVENT) {
                continue;
            }
            if (r.getIntent() == TimerIntent.CREATED) {
                waiting.put(r.getKey(), ((TimerRecordValue) r.getValue()).getDueDate());
            } else if (r.getIntent() == TimerIntent.TRIGGERED || r.getIntent() == TimerIntent.CANCELED) {
                waiting.remove(r.getKey());
            }
        }
        return waiting;
    }

    private static List<Record<TimerRecordValue>> byDueDate(Map<Long, Record<TimerRecordValue>> created,
                                                            Map<Long, Long> triggered, String elementId) {
        return created.values().stream()
                .filter(r -> r.getValue().getTargetElementId().equals(elementId))
                .filter(r -> triggered.containsKey(r.getKey()))
                .sorted(Comparator.comparingLong(r -> r.getValue().getDueDate()))
                .toList();
    }
}
