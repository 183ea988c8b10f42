package org.collectionorchestrator.bench;

import java.nio.file.Path;

/**
 * Entry point: {@code LoadGen <scenario> --name value ...}. Scenarios: registration, kafka-ingest, process-starts
 * (service side), bare-engine (process-starts, engine side), payment-latency,
 * bank-import, aging. Exit 0 ok, 1 failed, 3 unavailable.
 */
public final class LoadGen {

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: LoadGen registration|kafka-ingest|process-starts|bare-engine|payment-latency|bank-import|aging --name value ...");
            System.exit(2);
        }
        String scenario = argv[0];
        Args args = new Args(argv, 1);
        String outText = args.get("out", null);
        Path out = outText == null ? null : Path.of(outText);
        Report report = new Report(args.get("title", scenario));
        int exit = 0;
        try {
            switch (scenario) {
                case "registration" -> RegistrationScenario.run(args, report);
                case "kafka-ingest" -> KafkaIngestScenario.run(args, report);
                case "process-starts" -> ProcessStartsScenario.run(args, report);
                case "bare-engine" -> BareEngineScenario.run(args, report);
                case "payment-latency" -> PaymentLatencyScenario.run(args, report);
                case "bank-import" -> BankImportScenario.run(args, report);
                case "aging" -> AgingScenario.run(args, report);
                case "jfr-summary" -> JfrSummary.run(args, report);
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
            exit = report.failed() ? 1 : 0;
        } catch (KafkaIngestScenario.Unavailable e) {
            report.fail("not run: " + e.getMessage());
            exit = 3;
        } catch (Exception e) {
            report.fail(e.toString());
            e.printStackTrace();
            exit = 1;
        }
        report.write(out);
        System.exit(exit);
    }
}
