/**
 * Signed HTTP messages between us and our partners (delivery reports from providers, hand-overs to and callbacks
 * from collection agencies): {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, a per-partner
 * secret, a five-minute replay window and a constant-time compare. One rule for both directions.
 */
package org.collectionorchestrator.signature;
