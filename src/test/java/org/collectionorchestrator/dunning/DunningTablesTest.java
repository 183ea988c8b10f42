package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The decision tables in {@code dmn/} evaluated on the in-memory Zeebe engine, as the process calls them: the
 * strategy per country, segment and collection model, the fees per letter date, and the legal limits of
 * domain.md §2 that no edit of a table may cross.
 */
class DunningTablesTest {

    private static final Path STRATEGY = Path.of("dmn", "dunning-strategy.dmn");
    private static final Path FEES = Path.of("dmn", "dunning-fees.dmn");
    private static final List<String> STRATEGY_OUTPUTS = List.of("flow", "reminders", "firstReminderDays",
            "daysBetweenLetters", "reminderPaymentDays", "reminderFee", "notice", "noticePaymentDays", "noticeFee",
            "paymentDemand", "readyForCollectionDays", "interest", "compensation", "friendlyNoticeDays",
            "followUpDays", "escalationDays");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ZeebeTestEngine engine;
    private static CamundaClient client;

    @BeforeAll
    static void deployTables() {
        engine = EngineFactory.create();
        engine.start();
        client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false)
                .build();
        client.newDeployResourceCommand()
                .addResourceFile(STRATEGY.toString())
                .addResourceFile(FEES.toString())
                .send().join();
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

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # country | segment | model  | reminders | first | between | reminder pay | reminder fee | notice | notice pay | notice fee | payment demand | ready | interest | compensation
            NO | PRIVATE  | OWN_NOTICE    | 1 | 14 | 21 | 14 | true  | OWN  | 14 | true  | true  |    | true  | false
            NO | BUSINESS | OWN_NOTICE    | 1 | 14 | 21 | 14 | true  | OWN  | 14 | true  | true  |    | true  | true
            DK | PRIVATE  | OWN_NOTICE    | 2 | 10 | 10 | 7  | true  | OWN  | 10 | true  | false |    | true  | false
            DK | BUSINESS | OWN_NOTICE    | 2 | 5  | 10 | 7  | true  | OWN  | 10 | true  | false |    | true  | true
            SE | PRIVATE  | OWN_NOTICE    | 1 | 10 | 14 | 10 | true  | OWN  | 10 | true  | false |    | true  | false
            SE | BUSINESS | OWN_NOTICE    | 1 | 7  | 14 | 10 | false | OWN  | 10 | false | false |    | true  | true
            FI | PRIVATE  | OWN_NOTICE    | 1 | 15 | 15 | 10 | true  | OWN  | 14 | true  | false |    | true  | false
            FI | BUSINESS | OWN_NOTICE    | 1 | 15 | 10 | 7  | true  | OWN  | 14 | true  | false |    | true  | true
            NO | PRIVATE  | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            NO | BUSINESS | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            DK | PRIVATE  | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            DK | BUSINESS | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            SE | PRIVATE  | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            SE | BUSINESS | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            FI | PRIVATE  | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            FI | BUSINESS | AGENCY_NOTICE | 1 | 5  |    | 7  | false | NONE |    | false | false | 14 | false | false
            """)
    void strategyPerCountrySegmentAndCollectionModel(String country, String segment, String model, Integer reminders,
            Integer first, Integer between, Integer reminderPay, boolean reminderFee, String notice, Integer noticePay,
            boolean noticeFee, boolean paymentDemand, Integer ready, boolean interest, boolean compensation) {
        Map<String, Object> expected = outputs("REMINDERS", reminders, first, between, reminderPay, reminderFee,
                notice, noticePay, noticeFee, paymentDemand, ready, interest, compensation, null, null, null);

        assertThat(strategy(false, false, model, country, segment)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "priority={0} manual={1} {2} {3} {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | false | OWN_NOTICE    | NO | PRIVATE  | PERSONAL | 7  | 14
            true  | true  | AGENCY_NOTICE | DK | BUSINESS | PERSONAL | 7  | 14
            true  | false | OWN_NOTICE    | XX | PUBLIC   | PERSONAL | 7  | 14
            false | true  | OWN_NOTICE    | SE | PRIVATE  | MANUAL   | 14 | 28
            false | true  | AGENCY_NOTICE | FI | BUSINESS | MANUAL   | 14 | 28
            false | true  | OWN_NOTICE    | NO | BUSINESS | MANUAL   | 14 | 28
            # catch-all: a country or segment without a rule, or no collection model
            false | false | OWN_NOTICE    | IS | PRIVATE  | MANUAL   | 14 | 28
            false | false | OWN_NOTICE    | NO | PUBLIC   | MANUAL   | 14 | 28
            false | false |               | DK | PRIVATE  | MANUAL   | 14 | 28
            """)
    void priorityAndManualFollowUpWinAndNothingAutomaticHappens(boolean priority, boolean manual, String model,
            String country, String segment, String flow, int followUpDays, int escalationDays) {
        Map<String, Object> expected = outputs(flow, 0, null, null, null, false, "NONE", null, false, false, null,
                false, false, null, followUpDays, escalationDays);

        assertThat(strategy(priority, manual, model, country, segment)).isEqualTo(expected);
    }

    /** Limits from domain.md §2.1–2.5 that any edit of the own-notice rules must keep; blank = no limit known. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # country | segment | earliest fee day after due | min days between letters | a deadline must expire before the next fee | max fee-bearing reminders | notice counts as one | min days to pay in the notice | fees beside compensation
            # §2.1 'When a fee may be charged' 14 d; 'Spacing' and 'Max fee-bearing notices per claim' (§ 1-3: 2 incl. inkassovarsel); 'Collection notice' 14 d
            NO | PRIVATE  | 14 | 1  | true  | 2 | true  | 14 | true
            NO | BUSINESS | 14 | 1  | true  | 2 | true  | 14 | true
            # §2.2 'When' after due; 'Min days between fee-bearing reminders' 10; 'Max fee-bearing reminders' 3; 'Collection notice' 10 d
            DK | PRIVATE  | 1  | 10 | false | 3 | true  | 10 | true
            DK | BUSINESS | 1  | 10 | false | 3 | true  | 10 | true
            # §2.3 'When' after due; 'Max number with fee' 1 (UNVERIFIED); 'Collection demand' at least 8 d; förseningsersättning replaces fees
            SE | PRIVATE  | 1  | 1  | false | 1 | false | 8  | true
            SE | BUSINESS | 1  | 1  | false | 1 | false | 8  | false
            # §2.4 'When' strictly after 14 d (consumer); 'Spacing' more than 14 d / 10 d (B2B); max UNVERIFIED; notice 10 d from receipt
            FI | PRIVATE  | 15 | 15 | false |   | false | 10 | true
            FI | BUSINESS | 1  | 10 | false |   | false | 10 | true
            """)
    void ownNoticeRulesStayWithinTheLaw(String country, String segment, int earliestFeeDay, int minDaysBetween,
            boolean deadlineMustExpire, Integer maxFeeReminders, boolean noticeCountsAsReminder, int minNoticeDays,
            boolean feesBesideCompensation) {
        Map<String, Object> s = strategy(false, false, "OWN_NOTICE", country, segment);
        int reminders = number(s, "reminders");
        int between = number(s, "daysBetweenLetters");
        boolean reminderFee = (Boolean) s.get("reminderFee");
        boolean noticeFee = (Boolean) s.get("noticeFee");

        if (reminderFee) {
            assertThat(number(s, "firstReminderDays")).as("first fee-bearing reminder")
                    .isGreaterThanOrEqualTo(earliestFeeDay);
        }
        assertThat(between).as("days between letters").isGreaterThanOrEqualTo(minDaysBetween);
        if (deadlineMustExpire) {
            assertThat(number(s, "reminderPaymentDays")).as("reminder deadline").isGreaterThanOrEqualTo(14);
            assertThat(between).as("the reminder's deadline expires before the next letter")
                    .isGreaterThan(number(s, "reminderPaymentDays"));
            if (s.get("paymentDemand") == Boolean.TRUE) {
                assertThat(between).as("the notice's deadline expires before the payment demand")
                        .isGreaterThan(number(s, "noticePaymentDays"));
            }
        }
        int feeReminders = (reminderFee ? reminders : 0) + (noticeCountsAsReminder && noticeFee ? 1 : 0);
        if (maxFeeReminders != null) {
            assertThat(feeReminders).as("fee-bearing reminders").isLessThanOrEqualTo(maxFeeReminders);
        }
        assertThat(s.get("notice")).isEqualTo("OWN");
        assertThat(number(s, "noticePaymentDays")).as("days to pay in the notice")
                .isGreaterThanOrEqualTo(minNoticeDays);
        if (!country.equals("NO")) {
            assertThat(s.get("paymentDemand")).as("a payment demand exists only in NO (inkassoloven § 10)")
                    .isEqualTo(false);
        }
        assertThat(s.get("compensation")).as("compensation only for business customers (domain.md §2.0)")
                .isEqualTo(segment.equals("BUSINESS"));
        if (!feesBesideCompensation) {
            assertThat(reminderFee || noticeFee).as("the compensation replaces the fees").isFalse();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("countriesAndSegments")
    void agencyNoticeIsTheSeedFlowReadyAtFourteenDaysOverdue(String country, String segment) {
        Map<String, Object> s = strategy(false, false, "AGENCY_NOTICE", country, segment);

        // seed 001: reminders up to 14 days overdue, ready for the agency's notice at 14 days (domain.md §1 rows 7-9)
        assertThat(number(s, "readyForCollectionDays")).isEqualTo(14);
        assertThat(number(s, "firstReminderDays") + number(s, "reminderPaymentDays")).as("the reminder's deadline")
                .isLessThan(14);
        assertThat(s).containsEntry("notice", "NONE").containsEntry("reminderFee", false)
                .containsEntry("noticeFee", false).containsEntry("paymentDemand", false)
                .containsEntry("compensation", false);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            NO | PRIVATE  | REMINDER        | 2025-12-31 | 35
            NO | PRIVATE  | REMINDER        | 2026-01-01 | 38
            NO | BUSINESS | NOTICE          | 2025-12-31 | 35
            NO | BUSINESS | NOTICE          | 2026-01-01 | 38
            NO | PRIVATE  | PAYMENT_DEMAND  | 2025-12-31 | 105
            NO | PRIVATE  | PAYMENT_DEMAND  | 2026-01-01 | 113
            NO | PRIVATE  | REMINDER        | 2020-09-30 | 0
            NO | PRIVATE  | FRIENDLY_NOTICE | 2026-03-02 | 0
            DK | PRIVATE  | REMINDER        | 2026-03-02 | 100
            DK | BUSINESS | NOTICE          | 2026-03-02 | 100
            DK | PRIVATE  | PAYMENT_DEMAND  | 2026-03-02 | 0
            DK | BUSINESS | FRIENDLY_NOTICE | 2026-03-02 | 0
            SE | PRIVATE  | REMINDER        | 2026-03-02 | 60
            SE | BUSINESS | NOTICE          | 2026-03-02 | 180
            SE | PRIVATE  | FRIENDLY_NOTICE | 2026-03-02 | 0
            FI | PRIVATE  | REMINDER        | 2026-03-02 | 5
            FI | PRIVATE  | NOTICE          | 2026-03-02 | 5
            FI | BUSINESS | REMINDER        | 2022-04-30 | 0
            FI | BUSINESS | REMINDER        | 2022-05-01 | 12
            FI | BUSINESS | FRIENDLY_NOTICE | 2026-03-02 | 0
            IS | PRIVATE  | REMINDER        | 2026-03-02 | 0
            """)
    void feeByCountrySegmentLetterAndDate(String country, String segment, String kind, LocalDate letterDate,
            BigDecimal fee) {
        assertThat(fee(country, segment, kind, letterDate)).isEqualByComparingTo(fee);
    }

    /** The caps of domain.md §2.1–2.5 with their periods; BOTH = private and business. */
    @ParameterizedTest(name = "{0} {1} {2} {3}..{4} at most {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # §2.1 'Reminder fee (purregebyr)' 35 (H) / 38 from 2026 (M); 1/20 of the inkassosats since 1 Oct 2020
            NO | BOTH     | REMINDER        | 2020-10-01 | 2025-12-31 | 35
            NO | BOTH     | REMINDER        | 2026-01-01 | 2030-12-31 | 38
            # §2.1 'Inkassovarsel fee'
            NO | BOTH     | NOTICE          | 2020-10-01 | 2025-12-31 | 35
            NO | BOTH     | NOTICE          | 2026-01-01 | 2030-12-31 | 38
            # §2.1 'Betalingsoppfordring by creditor itself'
            NO | BOTH     | PAYMENT_DEMAND  | 2020-10-01 | 2025-12-31 | 105
            NO | BOTH     | PAYMENT_DEMAND  | 2026-01-01 | 2030-12-31 | 113
            # §2.2 'Reminder fee (rykkergebyr)'; the § 10 notice is one of the 3 rykkere
            DK | BOTH     | REMINDER        | 2020-10-01 | 2030-12-31 | 100
            DK | BOTH     | NOTICE          | 2020-10-01 | 2030-12-31 | 100
            # §2.3 'Reminder fee (påminnelseavgift)', 'Collection demand (inkassokrav)'
            SE | BOTH     | REMINDER        | 2020-10-01 | 2030-12-31 | 60
            SE | BOTH     | NOTICE          | 2020-10-01 | 2030-12-31 | 180
            # §2.4 'Reminder fee (maksumuistutus)': 5 consumer, 12 business since 1 May 2022
            FI | PRIVATE  | REMINDER        | 2020-10-01 | 2030-12-31 | 5
            FI | PRIVATE  | NOTICE          | 2020-10-01 | 2030-12-31 | 5
            FI | BUSINESS | REMINDER        | 2022-05-01 | 2030-12-31 | 12
            FI | BUSINESS | NOTICE          | 2022-05-01 | 2030-12-31 | 12
            # no such fee: a payment demand outside NO (only inkassoloven § 10), any friendly notice before the due date
            DK | BOTH     | PAYMENT_DEMAND  | 2020-10-01 | 2030-12-31 | 0
            SE | BOTH     | PAYMENT_DEMAND  | 2020-10-01 | 2030-12-31 | 0
            FI | BOTH     | PAYMENT_DEMAND  | 2020-10-01 | 2030-12-31 | 0
            NO | BOTH     | FRIENDLY_NOTICE | 2020-10-01 | 2030-12-31 | 0
            DK | BOTH     | FRIENDLY_NOTICE | 2020-10-01 | 2030-12-31 | 0
            SE | BOTH     | FRIENDLY_NOTICE | 2020-10-01 | 2030-12-31 | 0
            FI | BOTH     | FRIENDLY_NOTICE | 2020-10-01 | 2030-12-31 | 0
            """)
    void noFeeExceedsTheLegalCapInForceOnTheLetterDate(String country, String segments, String kind, LocalDate from,
            LocalDate through, BigDecimal cap) {
        List<String> segmentsToCheck = segments.equals("BOTH") ? List.of("PRIVATE", "BUSINESS") : List.of(segments);
        LocalDate middle = from.plusDays((through.toEpochDay() - from.toEpochDay()) / 2);
        for (String segment : segmentsToCheck) {
            for (LocalDate letterDate : List.of(from, middle, through)) {
                assertThat(fee(country, segment, kind, letterDate))
                        .as("%s %s %s on %s", country, segment, kind, letterDate)
                        .isLessThanOrEqualTo(cap);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyRuleCitesItsLawAndDomainRowAndTheTableOpensInModeler(Path file) throws Exception {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());   // validates against the DMN 1.3 schema
        List<String> shapes = shapeReferences(file);
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            assertThat(shapes).as("%s has a shape in the diagram", decision.getId()).contains(decision.getId());
            DecisionTable table = (DecisionTable) decision.getExpression();
            assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
            assertThat(table.getInputs()).extracting(Input::getLabel).allSatisfy(l -> assertThat(l).isNotBlank());
            assertThat(table.getOutputs()).extracting(Output::getLabel).allSatisfy(l -> assertThat(l).isNotBlank());
            for (Rule rule : table.getRules()) {
                assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
                assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId())
                        .contains("§").contains("domain.md");
            }
        }
        if (file.equals(STRATEGY)) {
            DecisionTable table = (DecisionTable) model.getModelElementById("DecisionTable_DunningStrategy");
            assertThat(table.getOutputs()).extracting(Output::getName).containsExactlyElementsOf(STRATEGY_OUTPUTS);
        }
    }

    static Stream<Path> tables() {
        return Stream.of(STRATEGY, FEES);
    }

    static Stream<String[]> countriesAndSegments() {
        return Stream.of("NO", "DK", "SE", "FI")
                .flatMap(c -> Stream.of(new String[] {c, "PRIVATE"}, new String[] {c, "BUSINESS"}));
    }

    private static Map<String, Object> strategy(boolean priority, boolean manual, String model, String country,
            String segment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("priority", priority);
        variables.put("manualFollowUp", manual);
        variables.put("collectionModel", model);
        variables.put("country", country);
        variables.put("segment", segment);
        String output = evaluate("dunning-strategy", variables);
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            JSON.readValue(output, new TypeReference<Map<String, Object>>() { }).forEach((k, v) -> result.put(k,
                    v instanceof Number n ? new BigDecimal(n.toString()).intValueExact() : v));
        } catch (IOException e) {
            throw new AssertionError("dunning-strategy gave no JSON object: " + output, e);
        }
        return result;
    }

    /** A table with one output gives the value itself, not a context: the process's result variable is the fee. */
    private static BigDecimal fee(String country, String segment, String kind, LocalDate letterDate) {
        String output = evaluate("dunning-fees", Map.of("country", country, "segment", segment,
                "letterKind", kind, "letterDate", letterDate.toString()));
        return new BigDecimal(output);
    }

    private static String evaluate(String decisionId, Map<String, Object> variables) {
        return client.newEvaluateDecisionCommand().decisionId(decisionId).variables(variables)
                .send().join().getDecisionOutput();
    }

    private static Map<String, Object> outputs(Object... values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < STRATEGY_OUTPUTS.size(); i++) {
            map.put(STRATEGY_OUTPUTS.get(i), values[i]);
        }
        return map;
    }

    private static int number(Map<String, Object> strategy, String output) {
        assertThat(strategy.get(output)).as(output).isNotNull();
        return (Integer) strategy.get(output);
    }

    private static List<String> shapeReferences(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList shapes = factory.newDocumentBuilder().parse(file.toFile())
                .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
        return IntStream.range(0, shapes.getLength())
                .mapToObj(i -> ((Element) shapes.item(i)).getAttribute("dmnElementRef")).toList();
    }
}
