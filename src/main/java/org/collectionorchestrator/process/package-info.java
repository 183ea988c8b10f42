/**
 * A read-only view of process instances for people (the invoice page's diagram): the port {@link
 * org.collectionorchestrator.process.ProcessViews}, answered by {@code engine} in production and by {@code local} in
 * the local run and the tests.
 */
package org.collectionorchestrator.process;
