package org.collectionorchestrator.collection;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the creditor that this week's hand-over list is ready (seed 001: "once a week you get an email listing the
 * invoices ready for collection"). Sent with Spring's mail settings ({@code spring.mail.*}); without a mail server
 * or an address in the creditor's hand-over settings nothing is sent and the review goes on.
 */
@Component
public class HandOverMail {

    private static final Logger log = LoggerFactory.getLogger(HandOverMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final HandOverSettingsRepository settings;
    private final CreditorRepository creditors;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String from;

    public HandOverMail(ObjectProvider<JavaMailSender> sender, HandOverSettingsRepository settings, CreditorRepository creditors,
                 JdbcClient jdbc, Clock clock, @Value("${collection.hand-over.mail-from:collection@localhost}") String from) {
        this.sender = sender;
        this.settings = settings;
        this.creditors = creditors;
        this.jdbc = jdbc;
        this.clock = clock;
        this.from = from;
    }

    /**
     * Sends the email once per review: the claim row and the send share a transaction, so a failed send is tried
     * again by the job and a repeated job finds the claim and sends nothing.
     */
    @Transactional
    public void listReady(String creditorId, String reviewId, int invoiceCount, String approvalWindow) {
        String to = settings.find(creditorId).map(HandOverSettings::notifyEmail).orElse(null);
        JavaMailSender mail = sender.getIfAvailable();
        if (to == null || mail == null) {
            log.info("Hand-over list {} of {} ready ({} invoices); no email sent ({})", reviewId, creditorId, invoiceCount,
                    to == null ? "no notifyEmail in the hand-over settings" : "no mail server configured");
            return;
        }
        int claimed = jdbc.sql("""
                        insert into hand_over_mail (review_id, sent_to, sent_at) values (:review, :to, :now)
                        on conflict do nothing""")
                .param("review", reviewId).param("to", to).param("now", OffsetDateTime.now(clock)).update();
        if (claimed == 0) {
            return; // sent for this review already
        }
        Creditor creditor = creditors.find(creditorId).orElseThrow();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("Hand-over list ready: " + invoiceCount + " invoice(s) for collection");
        message.setText("""
                Hello %s,

                %d invoice(s) are ready to be handed over to your collection agency (review %s).
                Open the task "Review hand-over" to stop any invoice you do not want handed over, with a reason.
                If nobody acts within %s, the list is approved as it stands and the invoices go to the agency.
                """.formatted(creditor.name(), invoiceCount, reviewId, approvalWindow));
        mail.send(message);
        log.info("Hand-over list {} of {} ({} invoices) emailed to {}", reviewId, creditorId, invoiceCount, to);
    }
}
