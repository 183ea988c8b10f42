package org.collectionorchestrator.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

/**
 * Writes a camt.054.001.02 notification (namespace {@code urn:iso:std:iso:20022:tech:xsd:camt.054.001.02}) straight to
 * a file, entry by entry, so a file of any size costs no heap: one account, booked credit entries in one currency,
 * each with one transaction carrying an EndToEndId, its amount and one structured creditor reference (SCOR). Element
 * order as in the schema: GrpHdr (MsgId, CreDtTm); Ntfctn (Id, CreDtTm, Acct (Id/IBAN, Ccy), Ntry*); Ntry (NtryRef,
 * Amt, CdtDbtInd, Sts, BookgDt, ValDt, AcctSvcrRef, BkTxCd, NtryDtls/TxDtls (Refs, AmtDtls, RmtInf)).
 */
final class CamtFile {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02";

    private CamtFile() {
    }

    /**
     * {@code count} entries; entry {@code i} (0-based) pays {@code amountOf(seqOf(i))} with reference
     * {@code referenceOf(seqOf(i))}. Returns the file's size in bytes.
     */
    static long write(Path file, String messageId, String iban, String currency, int count, LongUnaryOperator seqOf,
                      LongFunction<String> referenceOf, LongFunction<String> amountOf) throws IOException {
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        String today = LocalDate.now().toString();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<Document xmlns=\"" + NAMESPACE + "\">\n<BkToCstmrDbtCdtNtfctn>\n");
            w.write("<GrpHdr><MsgId>" + messageId + "</MsgId><CreDtTm>" + now + "</CreDtTm></GrpHdr>\n");
            w.write("<Ntfctn><Id>" + messageId + "-1</Id><CreDtTm>" + now + "</CreDtTm>");
            w.write("<Acct><Id><IBAN>" + iban + "</IBAN></Id><Ccy>" + currency + "</Ccy></Acct>\n");
            StringBuilder b = new StringBuilder(1024);
            for (int i = 0; i < count; i++) {
                long seq = seqOf.applyAsLong(i);
                String amount = amountOf.apply(seq);
                String ref = messageId + "-" + (i + 1);
                b.setLength(0);
                b.append("<Ntry><NtryRef>").append(i + 1).append("</NtryRef>")
                        .append("<Amt Ccy=\"").append(currency).append("\">").append(amount).append("</Amt>")
                        .append("<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>")
                        .append("<BookgDt><Dt>").append(today).append("</Dt></BookgDt>")
                        .append("<ValDt><Dt>").append(today).append("</Dt></ValDt>")
                        .append("<AcctSvcrRef>").append(ref).append("</AcctSvcrRef>")
                        .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>")
                        .append("<NtryDtls><TxDtls>")
                        .append("<Refs><EndToEndId>E2E-").append(ref).append("</EndToEndId></Refs>")
                        .append("<AmtDtls><TxAmt><Amt Ccy=\"").append(currency).append("\">").append(amount)
                        .append("</Amt></TxAmt></AmtDtls>")
                        .append("<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>")
                        .append(referenceOf.apply(seq)).append("</Ref></CdtrRefInf></Strd></RmtInf>")
                        .append("</TxDtls></NtryDtls></Ntry>\n");
                w.append(b);
            }
            w.write("</Ntfctn>\n</BkToCstmrDbtCdtNtfctn>\n</Document>\n");
        }
        return Files.size(file);
    }
}
