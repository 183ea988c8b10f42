package org.collectionorchestrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 2: 100,000 invoice events, then 100,000 payment events (paying them in full by KID) to the service's
 * embedded broker; events/s committed to PostgreSQL, then exact counts: nothing lost, nothing twice. The service must
 * run with --collection.outbox.channels=events (no 100,000 processes in the in-memory engine).
 * {@code --dry-run true} sends through Kafka's MockProducer instead (no broker): checks the builders and the send loop.
 */
final class KafkaIngestScenario {

    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    static void run(Args args, Report report) throws Exception {
        int count = args.integer("count", 100_000);
        int maxSeconds = args.integer("max-seconds", 180);
        boolean dryRun = Boolean.parseBoolean(args.get("dry-run", "false"));
        KafkaMessages messages = new KafkaMessages(new com.fasterxml.jackson.databind.ObjectMapper(),
                args.get("envelope", "plain"));
        List<String> creditors = List.of("bench-k-1", "bench-k-2", "bench-k-3", "bench-k-4");

        if (dryRun) {
            MockProducer<String, byte[]> mock = new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
            long t0 = System.nanoTime();
            send(mock, count, creditors, messages, true);
            send(mock, count, creditors, messages, false);
            double s = (System.nanoTime() - t0) / 1e9;
            long invoices = mock.history().stream().filter(r -> r.topic().equals(KafkaMessages.INVOICES_TOPIC)).count();
            long payments = mock.history().stream().filter(r -> r.topic().equals(KafkaMessages.PAYMENTS_TOPIC)).count();
            long keys = mock.history().stream().map(ProducerRecord::key).distinct().count();
            report.row("dry run: records built and handed to the producer", invoices + " invoices + " + payments
                    + " payments, " + keys + " distinct keys, " + Report.fmt("%.0f records/s", 2 * count / s), 2 * count + "",
                    invoices == count && payments == count && keys == 2L * count);
            report.note("dry run through Kafka's MockProducer: no broker, nothing reaches the service; sample invoice value: `"
                    + new String(mock.history().get(0).value()) + "`");
            return;
        }

        Service service = new Service(args.required("base-url"));
        String info = service.getText("/api/v1/dev/kafka");
        if (info == null) {
            throw new Unavailable("GET /api/v1/dev/kafka is missing: this build of the service has no embedded Kafka "
                    + "broker or Kafka listeners (they come with the kafka branch). Nothing was sent.");
        }
        JsonNode node = service.json.readTree(info);
        String bootstrap = node.path("bootstrapServers").asText();
        for (String server : bootstrap.split(",")) {
            String host = URI.create("kafka://" + server.trim()).getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                throw new Unavailable("the broker address " + bootstrap + " is not on loopback; refusing to send");
            }
        }
        for (String c : creditors) {
            service.putCreditor(c);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "collection-bench");
        try (Db db = new Db(args.required("db"));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            Phase invoices = phase(db, producer, count, creditors, messages, true, "select count(*) from invoice", maxSeconds);
            Phase payments = phase(db, producer, count, creditors, messages, false, "select count(*) from payment", maxSeconds);
            double combined = (invoices.committed + payments.committed) / (invoices.seconds + payments.seconds);
            report.row("invoice events committed", invoices.describe(count), count + "", invoices.committed == count);
            report.row("invoice events/s (first send → last row committed)", Report.fmt("%.0f /s", invoices.rate()),
                    "≥ 2,000 /s", invoices.rate() >= 2000);
            report.row("payment events committed", payments.describe(count), count + "", payments.committed == count);
            report.row("payment events/s", Report.fmt("%.0f /s", payments.rate()), "≥ 2,000 /s", payments.rate() >= 2000);
            report.row("both, events/s", Report.fmt("%.0f /s", combined), "≥ 2,000 /s", combined >= 2000);
            long matched = db.count("select count(*) from payment where status = 'MATCHED'");
            long ledgerPayments = db.count("select count(*) from ledger_entry where entry_type = 'PAYMENT'");
            long paidTwice = db.count("select count(*) from (select invoice_id from ledger_entry where entry_type = 'PAYMENT' "
                    + "group by invoice_id having count(*) > 1) t");
            long settled = db.count("select count(*) from invoice where status = 'SETTLED'");
            report.row("matched payments", Long.toString(matched), count + "", matched == count);
            report.row("ledger PAYMENT entries = matched payments", ledgerPayments + " = " + matched, "equal",
                    ledgerPayments == matched);
            report.row("invoices paid more than once", Long.toString(paidTwice), "0", paidTwice == 0);
            report.row("invoices SETTLED", Long.toString(settled), count + "", settled == count);
            report.note("producer: acks=all, idempotence on, linger.ms=10, batch.size=256 KiB; keys and values per "
                    + "KafkaMessages (" + args.get("envelope", "plain") + " JSON); 4 creditors (NO/NOK); payments by KID.");
            if (invoices.committed < count || payments.committed < count) {
                report.fail("not every event reached PostgreSQL within " + maxSeconds + " s per phase");
            }
        }
    }

    record Phase(long committed, double seconds, boolean timedOut) {
        double rate() {
            return committed / seconds;
        }

        String describe(int count) {
            return committed + " of " + count + " in " + Report.fmt("%.1f s", seconds) + (timedOut ? " (time-out)" : "");
        }
    }

    private static Phase phase(Db db, Producer<String, byte[]> producer, int count, List<String> creditors,
                               KafkaMessages messages, boolean invoices, String countSql, int maxSeconds) throws Exception {
        long before = db.count(countSql);
        long t0 = System.nanoTime();
        send(producer, count, creditors, messages, invoices);
        long t1 = db.awaitCount(countSql, n -> n - before >= count, 100, maxSeconds * 1000L);
        long committed = db.count(countSql) - before;
        return new Phase(committed, ((t1 > 0 ? t1 : System.nanoTime()) - t0) / 1e9, t1 < 0);
    }

    /** Sends count messages; seq 1..count, creditor by seq, so payment seq pays invoice seq (same KID). */
    static void send(Producer<String, byte[]> producer, int count, List<String> creditors, KafkaMessages messages,
                     boolean invoices) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        for (long seq = 1; seq <= count && failure.get() == null; seq++) {
            String creditor = creditors.get((int) (seq % creditors.size()));
            KafkaMessages.Message m = invoices ? messages.invoice(creditor, seq) : messages.payment(creditor, seq);
            producer.send(new ProducerRecord<>(m.topic(), m.key(), m.value()), (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                } else {
                    acked.incrementAndGet();
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka send failed after " + acked.get() + " acks", failure.get());
        }
    }
}
