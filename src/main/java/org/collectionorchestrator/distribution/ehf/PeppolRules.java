package org.collectionorchestrator.distribution.ehf;

import com.helger.commons.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2024_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a UBL document against PEPPOL BIS Billing 3.0 with phive: the UBL 2.1 schema, the CEN EN 16931 rules and
 * the PEPPOL rules (which carry the Norwegian NO-R rules of EHF Billing 3.0), in the rule release phive-rules-peppol
 * ships (2024.11). Errors fail the document; warnings (e.g. the Norwegian "Foretaksregisteret" note) do not.
 * Built once: loading the Schematron costs seconds.
 */
public final class PeppolRules {

    /** A document's outcome: its errors (empty when valid) and warnings, each "rule id: text at location". */
    public record Verdict(List<String> errors, List<String> warnings) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();

    public PeppolRules() {
        PeppolValidation.initStandard(registry);
    }

    public Verdict validateInvoice(byte[] ubl) {
        return validate(PeppolValidation2024_11.VID_OPENPEPPOL_INVOICE_UBL_V3, ubl);
    }

    public Verdict validateCreditNote(byte[] ubl) {
        return validate(PeppolValidation2024_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3, ubl);
    }

    /** By the document's root element: Invoice or CreditNote. */
    public Verdict validate(byte[] ubl) {
        String head = new String(ubl, 0, Math.min(ubl.length, 2000), StandardCharsets.UTF_8);
        return head.contains("CreditNote-2") ? validateCreditNote(ubl) : validateInvoice(ubl);
    }

    private Verdict validate(DVRCoordinate rules, byte[] ubl) {
        IValidationExecutorSet<IValidationSourceXML> set = registry.getOfID(rules);
        ValidationResultList results = ValidationExecutionManager.executeValidation(set,
                ValidationSourceXML.create(new ReadableResourceByteArray("document.xml", ubl)));
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        results.forEachFlattened(error -> {
            String text = (error.getErrorID() == null ? "" : error.getErrorID() + ": ") + error.getErrorText(java.util.Locale.ROOT)
                    + (error.hasErrorFieldName() ? " at " + error.getErrorFieldName() : "");
            if (error.isError()) {
                errors.add(text);
            } else {
                warnings.add(text);
            }
        });
        return new Verdict(List.copyOf(errors), List.copyOf(warnings));
    }
}
