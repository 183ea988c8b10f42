package org.collectionorchestrator.payment.bankfile;

import java.util.List;

/**
 * One {@code Stmt} (camt.053) or {@code Ntfctn} (camt.054): the entries booked on one account.
 *
 * @param reportId {@code Stmt/Id} or {@code Ntfctn/Id}
 * @param account  the account as the file names it: an IBAN (normalised: no spaces, upper case) or {@code Othr/Id}
 * @param iban     whether {@code account} is an IBAN ({@code Acct/Id/IBAN}, valid by iban4j)
 * @param currency {@code Acct/Ccy}, null when the file does not say
 */
public record AccountReport(String reportId, String account, boolean iban, String currency, List<BankEntry> entries) {
}
