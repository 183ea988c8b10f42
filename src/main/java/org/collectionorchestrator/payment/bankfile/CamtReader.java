package org.collectionorchestrator.payment.bankfile;

import java.io.InputStream;
import org.springframework.stereotype.Component;

/** Placeholder until the reader lands (issue 15 part B). */
@Component
public class CamtReader {

    public BankFile read(InputStream xml) {
        throw new BankFileRejectedException(400, "bank file reader not yet available");
    }
}
