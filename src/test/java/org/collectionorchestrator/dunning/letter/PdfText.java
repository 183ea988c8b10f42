package org.collectionorchestrator.dunning.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as a reader would copy it, with every run of white space (line breaks too) as one space. */
final class PdfText {

    private PdfText() {
    }

    static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0]+", " ").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
