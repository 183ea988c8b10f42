package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.collectionorchestrator.web.NoControlCharacters;

/** Where printed letters are posted. */
public record PostalAddress(
        @NotBlank @Size(max = 200) @NoControlCharacters
        @Schema(description = "Street and number, c/o, PO box; lines separated by a comma", example = "Storgata 1")
        String street,
        @NotBlank @Size(max = 16) @NoControlCharacters @Schema(example = "0155") String postalCode,
        @NotBlank @Size(max = 100) @NoControlCharacters @Schema(example = "Oslo") String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 code such as NO")
        @Schema(example = "NO") String country) {
}
