package org.collectionorchestrator.collection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A creditor's agencies and hand-over settings, as the API sets and reads them. */
@Service
public class Agencies {

    private final CreditorRepository creditors;
    private final AgencyRepository agencies;
    private final HandOverSettingsRepository settings;
    private final AgencySecrets secrets;
    private final Outbox outbox;

    public Agencies(CreditorRepository creditors, AgencyRepository agencies, HandOverSettingsRepository settings,
                    AgencySecrets secrets, Outbox outbox) {
        this.creditors = creditors;
        this.agencies = agencies;
        this.settings = settings;
        this.secrets = secrets;
        this.outbox = outbox;
    }

    /** True when created; the secret must be configured before an agency may name it. */
    @Transactional
    public boolean save(Agency agency) {
        requireCreditor(agency.creditorId());
        if (secrets.find(agency.secretRef()).isEmpty()) {
            throw new UnprocessableException("No secret is configured for secretRef '" + agency.secretRef()
                    + "': set collection.agencies.secrets." + agency.secretRef() + " first");
        }
        agencies.find(agency.id()).filter(a -> !a.creditorId().equals(agency.creditorId())).ifPresent(a -> {
            throw new ConflictException("Agency id " + agency.id() + " is taken by another creditor");
        });
        boolean created;
        try {
            created = agencies.save(agency);
        } catch (IllegalStateException e) {
            throw new ConflictException("Agency id " + agency.id() + " is taken by another creditor");
        }
        scheduleReviews(agency.creditorId());
        return created;
    }

    public Agency get(String creditorId, String agencyId) {
        return agencies.find(agencyId).filter(a -> a.creditorId().equals(creditorId))
                .orElseThrow(() -> new NotFoundException("Creditor " + creditorId + " has no agency " + agencyId));
    }

    public List<Agency> ofCreditor(String creditorId) {
        requireCreditor(creditorId);
        return agencies.ofCreditor(creditorId);
    }

    /** Saves the settings; they apply from the next review on. */
    @Transactional
    public boolean saveSettings(HandOverSettings given) {
        requireCreditor(given.creditorId());
        boolean created = settings.save(given);
        scheduleReviews(given.creditorId());
        // a process waiting for its review day plans again with the new day and time (no time to live: one that
        // is not waiting reads the settings when it next plans)
        outbox.message(given.creditorId(), new EngineMessage(HandOverReview.SETTINGS_CHANGED, given.creditorId(), null,
                Duration.ZERO, Map.of()));
        return created;
    }

    /**
     * Asks for the creditor's weekly review process: a start message without time to live, so a running process is
     * not doubled (it reads the settings afresh before each review) and one that ended (no agency) starts again.
     */
    private void scheduleReviews(String creditorId) {
        outbox.message(creditorId, new EngineMessage(HandOverReview.SCHEDULED, creditorId, null, Duration.ZERO,
                Map.of("creditorId", creditorId)));
    }

    public HandOverSettings settings(String creditorId) {
        requireCreditor(creditorId);
        return settings.find(creditorId)
                .orElseThrow(() -> new NotFoundException("Creditor " + creditorId + " has no hand-over settings"));
    }

    private void requireCreditor(String creditorId) {
        if (creditors.find(creditorId).isEmpty()) {
            throw new NotFoundException("No creditor " + creditorId);
        }
    }
}
