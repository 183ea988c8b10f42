package org.collectionorchestrator.dunning.letter;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Renders a letter as PDF from the XHTML layout and the texts of its language. */
@Component
public class LetterRenderer {

    /**
     * Liberation Sans as PDFBox ships it, embedded (subset) in every letter: the standard PDF fonts know only
     * WinAnsi, which would turn a customer name such as "Łukasz" or a Sámi "Áŋŋá" into '#'.
     */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FONT_FAMILY = "LetterSans";

    static {
        // openhtmltopdf logs every render step at INFO through java.util.logging, outside our JSON logs
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final Map<String, LetterTexts> texts = LetterTexts.LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), LetterTexts::load));
    private final byte[] font = fontBytes();
    /** Font metrics measured once, not for every letter (thread-safe). */
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();

    /** The letter as PDF bytes, in the content's language (see {@link #languageOf(String)}). */
    public byte[] render(LetterContent content) {
        String xhtml = LetterXhtml.of(content, texts.get(languageOf(content.language())));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged for screen readers; it also leaves out the 14 standard fonts, which we never want in a letter.
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY);
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render letter " + content.letterNumber(), e);
        }
        return pdf.toByteArray();
    }

    private static byte[] fontBytes() {
        try (InputStream in = LetterRenderer.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT + "; letters need a font");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language a letter asked for in {@code requested} is written in: nb, da, sv, fi, else en. */
    public static String languageOf(String requested) {
        return LetterTexts.resolve(requested);
    }
}
