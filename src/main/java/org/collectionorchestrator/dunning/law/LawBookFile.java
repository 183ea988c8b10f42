package org.collectionorchestrator.dunning.law;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** Reads the law book's YAML and refuses a book in which two rows could apply to the same letter on the same day. */
final class LawBookFile {

    private record Content(List<LawRow> rows) {}

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private LawBookFile() {
    }

    static List<LawRow> read(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            Content content = YAML.readValue(in, Content.class);
            List<LawRow> rows = content.rows() == null ? List.of() : List.copyOf(content.rows());
            requireNoOverlap(rows, location);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the law book " + location, e);
        }
    }

    private static void requireNoOverlap(List<LawRow> rows, String location) {
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                if (rows.get(i).overlaps(rows.get(j))) {
                    throw new IllegalArgumentException("The law book " + location + " has overlapping rows: "
                            + rows.get(i) + " and " + rows.get(j));
                }
            }
        }
    }
}
