package org.collectionorchestrator.dunning.letter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The produced letters of each invoice, kept as PDF with their hash; a letter number is used once per invoice. */
@Component
public class LetterArchive {

    private static final String COLUMNS =
            "invoice_id, letter_number, kind, letter_date, pay_by, language, fee, total, currency, sha256, created_at, "
            + "delivered_on, deadline";

    private final JdbcClient jdbc;
    private final Clock clock;

    public LetterArchive(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores once per (invoice, letterNumber) in the caller's transaction; a second call returns the first. A call
     * racing another for the same key waits for it on the key and then returns what it stored.
     */
    public StoredLetter store(UUID invoiceId, LetterContent content, byte[] pdf) {
        jdbc.sql("insert into letter (" + COLUMNS + ", pdf) values (:invoice, :number, :kind, :letterDate, :payBy, "
                        + ":language, :fee, :total, :currency, :sha256, :now, null, null, :pdf) "
                        + "on conflict (invoice_id, letter_number) do nothing")
                .param("invoice", invoiceId)
                .param("number", content.letterNumber())
                .param("kind", content.kind().name())
                .param("letterDate", content.letterDate())
                .param("payBy", content.payBy())
                .param("language", LetterRenderer.languageOf(content.language()))
                .param("fee", content.feeThisLetter().amount())
                .param("total", content.totalToPay().amount())
                .param("currency", content.totalToPay().currency().getCurrencyCode())
                .param("sha256", sha256(pdf))
                .param("now", OffsetDateTime.now(clock))
                .param("pdf", pdf)
                .update();
        return find(invoiceId, content.letterNumber()).orElseThrow();
    }

    /** The invoice's letters in the order they were numbered. */
    public List<StoredLetter> list(UUID invoiceId) {
        return jdbc.sql("select " + COLUMNS + " from letter where invoice_id = :invoice order by letter_number")
                .param("invoice", invoiceId).query(LetterArchive::stored).list();
    }

    public Optional<StoredLetter> find(UUID invoiceId, int letterNumber) {
        return jdbc.sql("select " + COLUMNS + " from letter where invoice_id = :invoice and letter_number = :number")
                .param("invoice", invoiceId).param("number", letterNumber).query(LetterArchive::stored).optional();
    }

    public Optional<byte[]> pdf(UUID invoiceId, int letterNumber) {
        return jdbc.sql("select pdf from letter where invoice_id = :invoice and letter_number = :number")
                .param("invoice", invoiceId).param("number", letterNumber)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** Notes the first delivery of a letter and the deadline counted from it; a later report changes nothing. */
    public void recordDelivery(UUID invoiceId, int letterNumber, LocalDate deliveredOn, LocalDate deadline) {
        jdbc.sql("""
                        update letter set delivered_on = :delivered, deadline = :deadline
                         where invoice_id = :invoice and letter_number = :number and delivered_on is null""")
                .param("delivered", deliveredOn)
                .param("deadline", deadline)
                .param("invoice", invoiceId)
                .param("number", letterNumber)
                .update();
    }

    public int count(UUID invoiceId) {
        return jdbc.sql("select count(*) from letter where invoice_id = :invoice")
                .param("invoice", invoiceId).query(Integer.class).single();
    }

    /** The invoice's creditor, empty when there is no such invoice ("no letters yet" is not "no such invoice"). */
    Optional<String> invoiceCreditor(UUID invoiceId) {
        return jdbc.sql("select creditor_id from invoice where id = :invoice")
                .param("invoice", invoiceId).query(String.class).optional();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static StoredLetter stored(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new StoredLetter(rs.getObject("invoice_id", UUID.class), rs.getInt("letter_number"),
                LetterKind.valueOf(rs.getString("kind")), rs.getObject("letter_date", LocalDate.class),
                rs.getObject("pay_by", LocalDate.class), rs.getString("language"),
                Money.of(rs.getBigDecimal("fee"), currency), Money.of(rs.getBigDecimal("total"), currency),
                rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("delivered_on", LocalDate.class), rs.getObject("deadline", LocalDate.class));
    }
}
