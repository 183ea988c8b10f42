package org.collectionorchestrator.local;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;

/** Reads the in-memory engine's record stream (tests and the local profile only). */
public final class EngineRecords {

    private EngineRecords() {
    }

    public static List<Record<?>> of(ZeebeTestEngine engine) {
        return snapshot(engine.getRecordStreamSource().getRecords());
    }

    /**
     * The engine's record list is a plain ArrayList that only ever grows, and any caller of getRecords() appends to
     * it. Reading by index up to the size seen at the start does not trip over such appends the way an iterator
     * would (ConcurrentModificationException).
     */
    public static List<Record<?>> snapshot(Iterable<Record<?>> records) {
        List<Record<?>> copy = new ArrayList<>();
        if (records instanceof List<Record<?>> list) {
            int size = list.size();
            for (int i = 0; i < size; i++) {
                copy.add(list.get(i));
            }
        } else {
            records.forEach(copy::add);
        }
        return copy;
    }
}
