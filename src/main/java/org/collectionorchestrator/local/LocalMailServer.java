package org.collectionorchestrator.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The local profile's embedded SMTP server (GreenMail) on 127.0.0.1: every e-mail the application sends (letters,
 * invoices, the hand-over list) lands here; {@code GET /api/v1/dev/mail} lists them.
 */
@Component
@Profile("local")
public class LocalMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

    /** One received e-mail as the dev endpoint shows it. */
    public record ReceivedMail(String messageId, List<String> to, String subject, List<String> attachments) {
    }

    private final GreenMail greenMail;
    private volatile boolean running;

    public LocalMailServer(@Value("${spring.mail.port:2525}") int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
        log.info("Local SMTP server (GreenMail) listening on 127.0.0.1:{}", greenMail.getSmtp().getPort());
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server and the job workers: nothing is sent before it listens. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    public List<ReceivedMail> received() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                List<String> to = message.getAllRecipients() == null ? List.of()
                        : Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
                mails.add(new ReceivedMail(message.getMessageID(), to, message.getSubject(), attachments(message)));
            } catch (MessagingException | IOException e) {
                log.warn("Cannot read a received e-mail: {}", e.getMessage());
            }
        }
        return mails;
    }

    private static List<String> attachments(MimeMessage message) throws MessagingException, IOException {
        List<String> names = new ArrayList<>();
        if (message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    names.add(parts.getBodyPart(i).getFileName());
                }
            }
        }
        return names;
    }
}
