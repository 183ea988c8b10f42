package org.collectionorchestrator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;

/** A JSON Schema (draft 2020-12) from {@code src/main/resources/schemas/}, with format assertions on (dates). */
public final class MessageSchema {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .locale(Locale.ROOT)
            .build();

    private final String name;
    private final JsonSchema schema;

    private MessageSchema(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** Loads {@code schemas/<fileName>} from the class path. */
    public static MessageSchema load(String fileName) {
        try (InputStream in = new ClassPathResource("schemas/" + fileName).getInputStream()) {
            return new MessageSchema(fileName, FACTORY.getSchema(in, CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JSON Schema " + fileName, e);
        }
    }

    public String name() {
        return name;
    }

    /** What the document breaks, one line per rule, sorted; empty when it is valid. */
    public List<String> problems(JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Throws {@link RejectedMessageException} (SCHEMA_VIOLATION) naming every problem. */
    public void check(JsonNode document) {
        List<String> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new RejectedMessageException(RejectedMessageException.Kind.SCHEMA_VIOLATION,
                    "breaks " + name + ": " + String.join("; ", problems));
        }
    }
}
