package org.collectionorchestrator.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Java enforces whatever the agency-selection table answers. */
class AgencyChoiceTest {

    private static Agency agency(String id, Set<String> countries, Set<String> segments, String minimum) {
        return new Agency(id, "acme", id, URI.create("https://" + id + ".example/hook"), "ref", countries, segments,
                new BigDecimal(minimum));
    }

    private final Agency consumer = agency("a-consumer", Set.of("NO"), Set.of("PRIVATE"), "0");
    private final Agency commercial = agency("b-commercial", Set.of("NO", "SE"), Set.of("BUSINESS"), "20000");
    private final List<Agency> agencies = List.of(consumer, commercial);

    @Test
    void theTablesChoiceIsTakenWhenTheAgencyServesTheInvoice() {
        assertThat(AgencyChoice.choose(agencies, "b-commercial", "acme", "NO", "BUSINESS", new BigDecimal("25000")))
                .isEqualTo(commercial);
    }

    @Test
    void withoutAChoiceTheFirstAgencyThatServesTheInvoiceIsTaken() {
        assertThat(AgencyChoice.choose(agencies, null, "acme", "NO", "PRIVATE", new BigDecimal("10"))).isEqualTo(consumer);
        assertThat(AgencyChoice.choose(agencies, "", "acme", "SE", "BUSINESS", new BigDecimal("20000"))).isEqualTo(commercial);
    }

    @Test
    void anAgencyOfAnotherCreditorOrOneThatDoesNotServeTheInvoiceIsRefused() {
        assertThatThrownBy(() -> AgencyChoice.choose(agencies, "someone-else", "acme", "NO", "PRIVATE", BigDecimal.TEN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not one of creditor acme's agencies");
        assertThatThrownBy(() -> AgencyChoice.choose(agencies, "b-commercial", "acme", "NO", "BUSINESS", new BigDecimal("19999.99")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("minimum 20000");
        assertThatThrownBy(() -> AgencyChoice.choose(agencies, "a-consumer", "acme", "DK", "PRIVATE", BigDecimal.TEN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not take DK PRIVATE");
        assertThatThrownBy(() -> AgencyChoice.choose(agencies, null, "acme", "FI", "PRIVATE", BigDecimal.TEN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("None of creditor acme's agencies");
    }
}
