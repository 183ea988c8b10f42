package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The form resolve-dispute and the element templates of the hold workers fit the code that reads their answers. */
class DisputeModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATES = Path.of("bpmn", ".camunda", "element-templates");

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static JsonNode component(JsonNode form, String key) {
        return StreamSupport.stream(form.get("components").spliterator(), false)
                .filter(c -> key.equals(c.path("key").asText())).findFirst().orElseThrow(() -> new AssertionError("no field " + key));
    }

    @Test
    void theFormOffersExactlyTheResolutionsTheServiceKnows() throws IOException {
        JsonNode form = read(Path.of("bpmn", "forms", "resolve-dispute.form"));
        assertThat(form.get("id").asText()).isEqualTo("resolve-dispute");

        JsonNode resolution = component(form, "resolution");
        assertThat(resolution.get("type").asText()).isEqualTo("select");
        assertThat(resolution.at("/validate/required").asBoolean()).isTrue();
        List<String> values = new ArrayList<>();
        resolution.get("values").forEach(v -> {
            values.add(v.get("value").asText());
            assertThat(v.get("label").asText()).as("business label of %s", v.get("value")).isNotEqualTo(v.get("value").asText());
        });
        assertThat(values).containsExactlyElementsOf(Arrays.stream(Disputes.Resolution.values()).map(Enum::name).toList());
    }

    @Test
    void theCorrectedAmountIsAskedForOnlyWhenCorrectingAndTheNoteAlways() throws IOException {
        JsonNode form = read(Path.of("bpmn", "forms", "resolve-dispute.form"));

        JsonNode amount = component(form, "correctedAmount");
        assertThat(amount.get("type").asText()).isEqualTo("number");
        assertThat(amount.at("/conditional/hide").asText()).isEqualTo("=resolution != \"CORRECT\"");
        assertThat(amount.at("/validate/min").asInt()).isZero();
        JsonNode note = component(form, "resolutionNote");
        assertThat(note.get("type").asText()).isEqualTo("textarea");
        assertThat(note.at("/validate/required").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(classes = {RecordDisputeResolutionWorker.class, ResumeDunningWorker.class})
    void eachWorkerHasATemplateBindingItsJobTypeAndOnlyVariablesItFetches(Class<?> worker) throws Exception {
        Method handle = Arrays.stream(worker.getMethods()).filter(m -> m.isAnnotationPresent(JobWorker.class)).findFirst().orElseThrow();
        JobWorker annotation = handle.getAnnotation(JobWorker.class);
        JsonNode template = read(TEMPLATES.resolve(annotation.type() + ".json"));

        assertThat(template.get("id").asText()).isEqualTo("org.collectionorchestrator." + annotation.type());
        List<String> inputs = new ArrayList<>();
        String jobType = null;
        for (JsonNode property : template.get("properties")) {
            JsonNode binding = property.get("binding");
            if ("zeebe:taskDefinition".equals(binding.path("type").asText()) && "type".equals(binding.path("property").asText())) {
                jobType = property.get("value").asText();
            }
            if ("zeebe:input".equals(binding.path("type").asText())) {
                inputs.add(binding.get("name").asText());
            }
        }
        assertThat(jobType).isEqualTo(annotation.type()).isEqualTo(worker.getField("JOB_TYPE").get(null));
        assertThat(Arrays.asList(annotation.fetchVariables())).containsAll(inputs);
    }
}
