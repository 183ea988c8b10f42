package org.collectionorchestrator.dunning.law;

/** How sure domain.md is of a legal number (its section "How to read the numbers"). */
public enum Confidence {
    /** Seen in the law text, an official regulation or announcement, or a public authority page. */
    H,
    /** Seen only in a secondary source; confirm against the primary source before release. */
    M,
    /** Not confirmed, or derived by us; configuration to be checked against the source named. */
    UNVERIFIED
}
