package org.collectionorchestrator.process;

import java.util.Optional;

/**
 * Where a process instance stands, read from the engine's side: Camunda's search API (Operate's data) in production,
 * the in-memory engine's record stream in the local run and the tests.
 */
public interface ProcessViews {

    /** The largest number of instances in one view: the instance and what it called. */
    int MAX_INSTANCES = 20;

    /** The instance and the instances it called that are still active; empty when the engine does not know it. */
    Optional<ProcessView> of(long processInstanceKey);
}
