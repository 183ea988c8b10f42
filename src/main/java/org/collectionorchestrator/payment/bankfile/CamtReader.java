package org.collectionorchestrator.payment.bankfile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads an ISO 20022 camt.053 (statement) or camt.054 (debit/credit notification) document, versions .001.02, .001.04
 * and .001.08, with a streaming parser (StAX): only the resulting records are held, never the document.
 *
 * <p>The whole file is refused with {@link BankFileRejectedException} when:
 * <ul>
 * <li>400: empty, not well-formed or truncated XML (the parser's line and column), a {@code <!DOCTYPE} (no DTDs, no
 * entities: XXE and entity expansion cannot happen), a namespace other than
 * {@code urn:iso:std:iso:20022:tech:xsd:camt.053|054.001.02|04|08}, a missing {@code GrpHdr/MsgId} or account, an
 * amount that is not a decimal number or a date that is not a date (the file breaks the schema, so none of it is
 * trusted);</li>
 * <li>413: the stream is longer than the size cap ({@code collection.bank-import.max-file-size}, default 200MB);</li>
 * <li>422: a readable file we must refuse: the account names its currency ({@code Acct/Ccy}) and every booked credit
 * of that account is in another currency.</li>
 * </ul>
 * Everything else wrong is a problem of one entry or transaction ({@link BankEntry#problem()},
 * {@link BankTransaction#problem()}), see {@link EntryAssembler}.
 */
@Component
public class CamtReader {

    public static final long DEFAULT_MAX_BYTES = DataSize.ofMegabytes(200).toBytes();

    private final long maxBytes;

    public CamtReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public CamtReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Autowired
    public CamtReader(@Value("${collection.bank-import.max-file-size:200MB}") String maxFileSize) {
        this(DataSize.parse(maxFileSize).toBytes());
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads the whole document; does not close {@code in}. */
    public BankFile read(InputStream in) {
        BufferedInputStream input = new BufferedInputStream(new SizeCappedInputStream(in, maxBytes), 1 << 16);
        requireNotEmpty(input);
        XMLStreamReader xml = null;
        try {
            xml = inputFactory().createXMLStreamReader(input);
            return new CamtParser(xml).parse();
        } catch (XMLStreamException e) {
            if (causedBy(e, SizeCappedInputStream.TooLarge.class)) {
                throw tooLarge();
            }
            throw new BankFileRejectedException(400, "not well-formed XML" + where(e) + ": " + parserMessage(e));
        } finally {
            close(xml);
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return factory;
    }

    private void requireNotEmpty(BufferedInputStream input) {
        try {
            input.mark(1);
            if (input.read() < 0) {
                throw new BankFileRejectedException(400, "empty body: no bank file");
            }
            input.reset();
        } catch (SizeCappedInputStream.TooLarge e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new BankFileRejectedException(400, "the bank file could not be read: " + e.getMessage());
        }
    }

    private BankFileRejectedException tooLarge() {
        return new BankFileRejectedException(413, "the bank file is larger than the limit of " + maxBytes + " bytes");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() != null
                    && type.isInstance(x.getNestedException())) {
                return true;
            }
        }
        return false;
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }

    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; the caller owns the stream
            }
        }
    }
}
