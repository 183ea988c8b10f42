package org.collectionorchestrator.distribution;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.distribution.ehf.UblDocuments;
import org.collectionorchestrator.invoice.Invoice;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The invoice's own document for an invoice the ERP registered without one: a PDF with the creditor's logo (setting
 * {@code collection.distribution.creditors.<id>.logo}, else a neutral default) and the payment details (amount, due
 * date, reference, account), and a PEPPOL BIS 3 UBL built from the same data. Rendered once and stored with the
 * SHA-256 of each; later reads give the stored bytes, so what was sent can always be shown again.
 */
@Component
public class InvoiceDocuments {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String DEFAULT_LOGO = "classpath:distribution/default-logo.png";

    public record Rendered(byte[] pdf, String pdfSha256, byte[] ubl, String ublSha256) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DistributionProperties settings;
    private final DefaultResourceLoader resources = new DefaultResourceLoader();

    public InvoiceDocuments(JdbcClient jdbc, Clock clock, DistributionProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** The stored document, rendered and stored now if the invoice has none yet. */
    @Transactional
    public Rendered documentOf(Invoice invoice, Creditor creditor) {
        return find(invoice.id()).orElseGet(() -> {
            byte[] pdf = pdf(invoice, creditor);
            byte[] ubl = ubl(invoice, creditor);
            jdbc.sql("""
                            insert into invoice_document (invoice_id, pdf, pdf_sha256, ubl, ubl_sha256, created_at)
                            values (:invoice, :pdf, :pdfHash, :ubl, :ublHash, :now) on conflict do nothing""")
                    .param("invoice", invoice.id()).param("pdf", pdf).param("pdfHash", sha256(pdf))
                    .param("ubl", ubl).param("ublHash", sha256(ubl)).param("now", OffsetDateTime.now(clock))
                    .update();
            return find(invoice.id()).orElseThrow();
        });
    }

    public Optional<Rendered> find(UUID invoiceId) {
        return jdbc.sql("select pdf, pdf_sha256, ubl, ubl_sha256 from invoice_document where invoice_id = :invoice")
                .param("invoice", invoiceId)
                .query((rs, row) -> new Rendered(rs.getBytes("pdf"), rs.getString("pdf_sha256"), rs.getBytes("ubl"),
                        rs.getString("ubl_sha256")))
                .optional();
    }

    byte[] ubl(Invoice invoice, Creditor creditor) {
        String seller = settings.creditor(creditor.id()).peppolParticipantId();
        String buyer = invoice.customer().channels().peppolParticipantId();
        // Without participant ids the UBL still records the data; it is sent only by EHF, which needs both.
        return UblDocuments.invoice(new UblDocuments.Document(invoice.invoiceNumber(), invoice.issueDate(),
                invoice.dueDate(), invoice.amount().currency().getCurrencyCode(), invoice.amount().amount(),
                "Invoice " + invoice.invoiceNumber(), invoice.customer().id(), invoice.paymentReference(),
                creditor.policy().bankAccount(),
                new UblDocuments.Party(seller == null ? "0192:000000000" : seller, creditor.name(), creditor.country().name()),
                new UblDocuments.Party(buyer == null ? "0192:000000000" : buyer, invoice.customer().name(),
                        invoice.customer().country()), null));
    }

    byte[] pdf(Invoice invoice, Creditor creditor) {
        ResourceBundle texts = texts(invoice.customer().language());
        String logo = "data:image/png;base64," + Base64.getEncoder().encodeToString(logo(creditor.id()));
        String account = creditor.policy().bankAccount();
        String xhtml = """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="%s"><head><title>%s %s</title>
                <style>body { font-family: 'InvoiceSans'; font-size: 11pt; } td { padding: 2pt 12pt 2pt 0; }
                h1 { font-size: 18pt; }</style></head><body>
                <img src="%s" alt="%s" style="height: 40pt" />
                <p>%s</p>
                <h1>%s %s</h1>
                <p>%s: %s</p>
                <table>
                <tr><td>%s</td><td>%s</td></tr>
                <tr><td>%s</td><td>%s</td></tr>
                <tr><td>%s</td><td>%s</td></tr>
                <tr><td>%s</td><td><b>%s %s</b></td></tr>
                <tr><td>%s</td><td>%s</td></tr>
                %s
                </table></body></html>""".formatted(
                esc(invoice.customer().language()), esc(texts.getString("pdf.title")), esc(invoice.invoiceNumber()),
                logo, esc(creditor.name()), esc(creditor.name()),
                esc(texts.getString("pdf.title")), esc(invoice.invoiceNumber()),
                esc(texts.getString("pdf.customer")), esc(invoice.customer().name()),
                esc(texts.getString("pdf.invoiceNumber")), esc(invoice.invoiceNumber()),
                esc(texts.getString("pdf.issueDate")), invoice.issueDate(),
                esc(texts.getString("pdf.dueDate")), invoice.dueDate(),
                esc(texts.getString("pdf.amount")), invoice.amount().toPlainString(), invoice.amount().currency().getCurrencyCode(),
                esc(texts.getString("pdf.reference")), esc(String.valueOf(invoice.paymentReference())),
                account == null ? "" : "<tr><td>" + esc(texts.getString("pdf.account")) + "</td><td>" + esc(account)
                        + "</td></tr>");
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            byte[] font = font();
            builder.useFont(() -> new ByteArrayInputStream(font), "InvoiceSans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render invoice " + invoice.invoiceNumber(), e);
        }
        return out.toByteArray();
    }

    private byte[] logo(String creditorId) {
        String location = settings.creditor(creditorId).logo();
        Resource resource = resources.getResource(location == null ? DEFAULT_LOGO : location);
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The logo of creditor " + creditorId + " cannot be read from " + location, e);
        }
    }

    private static byte[] font() throws IOException {
        try (InputStream in = InvoiceDocuments.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT);
            }
            return in.readAllBytes();
        }
    }

    /** The texts of e-mails and the invoice PDF in {@code language} (nb for no/nn; English when we have none). */
    public static ResourceBundle texts(String language) {
        String lang = language == null ? "en" : language;
        if (lang.equals("no") || lang.equals("nn")) {
            lang = "nb";
        }
        return ResourceBundle.getBundle("distribution/texts", Locale.of(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
