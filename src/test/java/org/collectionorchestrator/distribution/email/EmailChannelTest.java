package org.collectionorchestrator.distribution.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.collectionorchestrator.distribution.ChannelUnavailableException;
import org.collectionorchestrator.distribution.Delivery;
import org.collectionorchestrator.distribution.DispatchStatus;
import org.collectionorchestrator.distribution.DocumentKind;
import org.collectionorchestrator.distribution.SendResult;
import org.collectionorchestrator.distribution.TestDeliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.assertj.core.api.Assertions;

class EmailChannelTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private EmailChannel channel(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return new EmailChannel(sender, "invoices@acme.example");
    }

    @Test
    void sendsThePdfAttachedInTheCustomersLanguage() throws Exception {
        Delivery delivery = TestDeliveries.delivery(DocumentKind.REMINDER,
                TestDeliveries.recipient("nb", "kari@example.no", null));

        SendResult result = channel(smtp.getSmtp().getPort()).send(delivery);

        assertThat(result.outcome()).isEqualTo(DispatchStatus.DELIVERED);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("kari@example.no");
        assertThat(mail.getSubject()).isEqualTo("Purring: faktura INV-1001 fra Acme AS");
        assertThat(mail.getMessageID()).isEqualTo("<" + delivery.dispatchId() + "@collection-orchestrator>");
        Multipart parts = (Multipart) mail.getContent();
        Part attachment = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attachment = parts.getBodyPart(i);
            }
        }
        assertThat(attachment).isNotNull();
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getFileName()).isEqualTo("reminder-INV-1001-1.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(TestDeliveries.PDF);
    }

    @Test
    void aLanguageWithoutTextsGetsEnglish() throws Exception {
        channel(smtp.getSmtp().getPort()).send(TestDeliveries.delivery(DocumentKind.COLLECTION_NOTICE,
                TestDeliveries.recipient("de", "max@example.de", null)));

        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Collection notice: invoice INV-1001 from Acme AS");
    }

    @Test
    void anUnreachableMailServerIsATechnicalFailureToRetry() {
        Delivery delivery = TestDeliveries.delivery(DocumentKind.REMINDER, TestDeliveries.recipient("nb", "kari@example.no", null));

        Assertions.assertThatThrownBy(() -> channel(1).send(delivery)).isInstanceOf(ChannelUnavailableException.class);
    }

    @Test
    void aCustomerWithoutAddressCannotBeReached() {
        assertThat(channel(smtp.getSmtp().getPort()).canReach(TestDeliveries.recipient("nb", null, null))).isFalse();
    }
}
