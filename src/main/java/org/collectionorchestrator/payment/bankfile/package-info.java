/**
 * <h2>Bank files</h2>
 *
 * <p>{@link org.collectionorchestrator.payment.bankfile.CamtReader#read(java.io.InputStream)} reads one ISO 20022
 * camt.053 (bank-to-customer statement) or camt.054 (debit/credit notification), versions .001.02, .001.04 and
 * .001.08, into a {@link org.collectionorchestrator.payment.bankfile.BankFile}: per account a report, per {@code Ntry}
 * a {@link org.collectionorchestrator.payment.bankfile.BankEntry}, per {@code TxDtls} a
 * {@link org.collectionorchestrator.payment.bankfile.BankTransaction}. It streams (StAX, the JDK's parser) and holds
 * only those records: 100,000 entries of one transaction each take about 70 MB of heap and read in a few seconds.
 *
 * <p><b>What is read where.</b> Both layouts of each field: {@code Sts} as text (.02, .04) or {@code Sts/Cd} (.08);
 * {@code Dbtr/Nm} or {@code Dbtr/Pty/Nm}; {@code BookgDt/Dt} or the date of {@code BookgDt/DtTm}; the transaction
 * amount in {@code TxDtls/Amt} (.04+) or {@code TxDtls/AmtDtls/TxAmt/Amt}. Every {@code RmtInf/Strd/CdtrRefInf/Ref}
 * is a structured reference (SCOR with or without issuer, and proprietary ones such as the Swiss QRR); every
 * {@code RfrdDocInf/Nb} a referred document (CREN: a credit note); a {@code Strd} block with a reference and an amount
 * but no {@code RfrdDocInf} (the Finnish way of netting a credit note against an invoice in one payment) gives a
 * referred document numbered with that reference. An entry without {@code TxDtls} is one transaction of the entry's
 * amount. Account IBANs and debtor IBANs are normalised (no spaces, upper case); {@code AccountReport#iban} says
 * whether the account is an IBAN that iban4j accepts.
 *
 * <p><b>Idempotency key</b> of each transaction ({@link org.collectionorchestrator.payment.bankfile.BankTransactionKeys},
 * at most 100 characters): entry part {@code AcctSvcrRef} + {@code NtryRef} when either is given (so the camt.054 and
 * the camt.053 reporting the same booking give the same key), else {@code MsgId} + report id + entry position; then
 * the transaction's {@code Refs/AcctSvcrRef}, else {@code Refs/TxId}, else {@code Refs/EndToEndId}, each only when
 * unique in the entry, else the transaction's position. A key that still repeats inside one report is numbered
 * ({@code ~2}); a longer key is cut and completed with its SHA-256. Keys are unique per account: store them with it.
 *
 * <p><b>Refused file or quarantined entry.</b> A file is refused as a whole
 * ({@link org.collectionorchestrator.payment.bankfile.BankFileRejectedException}, nothing of it may be booked) when
 * we cannot trust what it says or it is not ours to read; an entry is quarantined (its {@code problem} says why, the
 * rest of the file books) when the file is sound but that entry's figures do not hold together.
 * <table>
 * <caption>Decisions</caption>
 * <tr><th>Input</th><th>Outcome</th></tr>
 * <tr><td>empty body, not XML, truncated</td><td>400, with the parser's line and column</td></tr>
 * <tr><td>{@code <!DOCTYPE} (so any DTD, external entity, entity expansion)</td><td>400</td></tr>
 * <tr><td>a namespace other than camt.053/054 .001.02/.04/.08 (pain.001, camt.052, camt.053.001.06 …)</td>
 * <td>400 "not a camt.053/054 document we read: &lt;namespace&gt;"</td></tr>
 * <tr><td>no {@code GrpHdr/MsgId}; a report without {@code Acct/Id/IBAN} or {@code Acct/Id/Othr/Id}</td><td>400</td></tr>
 * <tr><td>an entry or transaction amount that is not a decimal number ({@code 12,50}, {@code 1e2}); a date that is
 * not a date</td><td>400: the file breaks the schema</td></tr>
 * <tr><td>longer than {@code collection.bank-import.max-file-size} (default 200MB), counted on the stream</td>
 * <td>413</td></tr>
 * <tr><td>{@code Acct/Ccy} given and every booked credit of that account in another currency</td><td>422</td></tr>
 * <tr><td>entry amount missing, negative, in an unknown currency, or with more decimals than its currency has;
 * a credit in another currency than {@code Acct/Ccy}; transactions that do not add up to the entry amount or lack
 * an amount in the entry's currency</td><td>entry quarantined ({@code BankEntry#problem})</td></tr>
 * <tr><td>a transaction amount of 0; missing or only in another currency inside a batch; too many decimals</td>
 * <td>that transaction quarantined ({@code BankTransaction#problem}); the entry check usually quarantines the
 * entry as well, as the amounts no longer add up</td></tr>
 * </table>
 * Problems are set whatever the entry's status and direction: an importer reports a pending, information-only or
 * debit entry as ignored first. The only transaction of an entry that is stated only in another currency (an FX
 * payment, {@code InstdAmt} or {@code Amt} in EUR on a SEK account) is taken at the entry's amount, which is what the
 * account was credited.
 */
package org.collectionorchestrator.payment.bankfile;
