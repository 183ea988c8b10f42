package org.collectionorchestrator.distribution.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.collectionorchestrator.distribution.ChannelUnavailableException;
import org.collectionorchestrator.distribution.Delivery;
import org.collectionorchestrator.distribution.DeliveryChannel;
import org.collectionorchestrator.distribution.Recipient;
import org.collectionorchestrator.distribution.SendResult;
import org.collectionorchestrator.invoice.Channel;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP ({@code spring.mail.*}) with the PDF attached; subject and body in the customer's language
 * ({@code distribution/texts_*.properties}). The dispatch id is the message's Message-ID, so a bounce names it. An
 * address the server refuses at once is BOUNCED; a server that cannot be reached is a technical failure (retried).
 */
public class EmailChannel implements DeliveryChannel {

    private final JavaMailSender mail;
    private final String from;
    private final boolean bounceReports;

    /**
     * @param bounceReports the mail provider reports bounces (signed, to /api/v1/delivery-reports/email): a message
     *                      the server took is ACCEPTED until the report or the report time-out, else DELIVERED at once
     */
    public EmailChannel(JavaMailSender mail, String from, boolean bounceReports) {
        this.mail = mail;
        this.from = from;
        this.bounceReports = bounceReports;
    }

    public EmailChannel(JavaMailSender mail, String from) {
        this(mail, from, false);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.email() != null && !recipient.email().isBlank();
    }

    @Override
    public SendResult send(Delivery delivery) {
        ResourceBundle texts = org.collectionorchestrator.distribution.InvoiceDocuments.texts(delivery.recipient().language());
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(delivery.recipient().email());
            String kind = delivery.kind().name().toLowerCase(Locale.ROOT);
            helper.setSubject(MessageFormat.format(texts.getString(kind + ".subject"), delivery.creditorName(),
                    delivery.payment().invoiceNumber()));
            helper.setText(MessageFormat.format(texts.getString("body"), delivery.recipient().name(),
                    delivery.creditorName(), delivery.payment().invoiceNumber(), delivery.payment().payBy().toString()));
            helper.addAttachment(delivery.fileName(), new ByteArrayResource(delivery.pdf()), "application/pdf");
            message.saveChanges();
            message.setHeader("Message-ID", "<" + delivery.dispatchId() + "@collection-orchestrator>");
            mail.send(message);
            String reference = delivery.dispatchId().toString();
            return bounceReports ? SendResult.accepted(reference) : SendResult.delivered(reference);
        } catch (MailParseException e) {
            return SendResult.rejected("not a deliverable e-mail address: " + e.getMessage());
        } catch (MailSendException e) {
            if (e.getMessage() != null && e.getMessage().contains("Invalid Addresses")) {
                return new SendResult(org.collectionorchestrator.distribution.DispatchStatus.BOUNCED, null,
                        "the mail server refused the address: " + e.getMessage());
            }
            throw new ChannelUnavailableException("the mail server did not take the message: " + e.getMessage(), e);
        } catch (MailException e) {
            throw new ChannelUnavailableException("the mail server did not take the message: " + e.getMessage(), e);
        } catch (MessagingException e) {
            return SendResult.rejected("the e-mail could not be built: " + e.getMessage());
        }
    }
}
