package org.collectionorchestrator.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.collectionorchestrator.invoice.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Distribution channel" ({@code dmn/distribution-channel.dmn}) evaluated on the in-memory engine, as the process calls it. */
class DistributionChannelTableTest {

    private static final Path TABLE = Path.of("dmn", "distribution-channel.dmn");
    private static ZeebeTestEngine engine;
    private static CamundaClient client;

    @BeforeAll
    static void deploy() {
        engine = EngineFactory.create();
        engine.start();
        client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false).build();
        client.newDeployResourceCommand().addResourceFile(TABLE.toString()).send().join();
    }

    @AfterAll
    static void stop() {
        client.close();
        engine.stop();
    }

    @ParameterizedTest(name = "{0} {1} {2} id={3} efaktura={4} email={5} address={6} prefers={7} -> {8}")
    @CsvSource(delimiter = '|', textBlock = """
            # document      | segment  | country | participant id | eFaktura | e-mail | address | preferred | channels
            INVOICE           | BUSINESS | NO | true  | false | true  | true  |          | EHF EMAIL PRINT
            CREDIT_NOTE       | BUSINESS | SE | true  | false | false | true  |          | EHF EMAIL PRINT
            INVOICE           | BUSINESS | NO | false | false | true  | true  |          | EMAIL PRINT
            INVOICE           | PRIVATE  | NO | false | true  | true  | true  |          | EFAKTURA EMAIL PRINT
            INVOICE           | PRIVATE  | DK | false | true  | true  | true  |          | EMAIL PRINT
            INVOICE           | BUSINESS | NO | true  | false | true  | true  | EMAIL    | EMAIL PRINT
            # a reminder per customer type
            REMINDER          | BUSINESS | NO | true  | false | true  | true  |          | EMAIL PRINT
            REMINDER          | PRIVATE  | NO | false | true  | true  | true  |          | EFAKTURA EMAIL PRINT
            REMINDER          | PRIVATE  | NO | false | false | true  | true  |          | EMAIL PRINT
            REMINDER          | PRIVATE  | FI | false | false | false | true  |          | PRINT
            REMINDER          | PRIVATE  | NO | false | true  | true  | true  | PRINT    | PRINT EMAIL
            # the law limits collection notices
            COLLECTION_NOTICE | PRIVATE  | NO | false | true  | true  | true  |          | PRINT
            COLLECTION_NOTICE | BUSINESS | NO | true  | false | true  | true  |          | PRINT
            COLLECTION_NOTICE | PRIVATE  | NO | false | false | true  | true  | EMAIL    | EMAIL PRINT
            COLLECTION_NOTICE | PRIVATE  | NO | false | true  | true  | false | EFAKTURA | PRINT
            COLLECTION_NOTICE | PRIVATE  | SE | false | false | true  | true  |          | PRINT EMAIL
            """)
    void channelsInOrder(String document, String segment, String country, boolean participantId, boolean efaktura,
                         boolean email, boolean address, String preferred, String channels) {
        assertThat(channels(document, segment, country, participantId, efaktura, email, address, preferred))
                .isEqualTo(Arrays.asList(channels.split(" ")));
    }

    @Test
    void everyRowNamesOnlyKnownChannelsAndNeverEhfForALetter() throws Exception {
        for (String document : List.of("INVOICE", "CREDIT_NOTE", "REMINDER", "COLLECTION_NOTICE")) {
            for (String segment : List.of("PRIVATE", "BUSINESS")) {
                for (String country : List.of("NO", "DK", "SE", "FI")) {
                    for (int facts = 0; facts < 16; facts++) {
                        for (String preferred : Arrays.asList(null, "EHF", "EFAKTURA", "EMAIL", "PRINT")) {
                            List<String> result = channels(document, segment, country, (facts & 1) != 0, (facts & 2) != 0,
                                    (facts & 4) != 0, (facts & 8) != 0, preferred);
                            assertThat(result).isNotEmpty().doesNotHaveDuplicates();
                            result.forEach(channel -> Channel.valueOf(channel));
                            if (!document.equals("INVOICE") && !document.equals("CREDIT_NOTE")) {
                                assertThat(result).doesNotContain("EHF");
                            }
                            if (document.equals("COLLECTION_NOTICE") && country.equals("NO") && !"EMAIL".equals(preferred)) {
                                assertThat(result).as("NO collection notice, prefers %s", preferred).containsExactly("PRINT");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyRuleCitesItsLawAndDomainRow() {
        DmnModelInstance model = Dmn.readModelFromFile(TABLE.toFile());
        DecisionTable table = (DecisionTable) model.getModelElementById("DecisionTable_DistributionChannel");
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        for (Rule rule : table.getRules()) {
            assertThat(rule.getDescription().getTextContent()).as(rule.getId()).contains("§").contains("domain.md");
        }
    }

    private static List<String> channels(String document, String segment, String country, boolean participantId,
                                         boolean efaktura, boolean email, boolean address, String preferred) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("documentKind", document);
        variables.put("segment", segment);
        variables.put("customerCountry", country);
        variables.put("hasParticipantId", participantId);
        variables.put("efakturaConsent", efaktura);
        variables.put("hasEmail", email);
        variables.put("hasPostalAddress", address);
        variables.put("preferredChannel", preferred);
        String output = client.newEvaluateDecisionCommand().decisionId("distribution-channel").variables(variables)
                .send().join().getDecisionOutput();
        try {
            return new ObjectMapper().readValue(output, new TypeReference<List<String>>() { });
        } catch (Exception e) {
            throw new AssertionError("not a list of channels: " + output, e);
        }
    }
}
