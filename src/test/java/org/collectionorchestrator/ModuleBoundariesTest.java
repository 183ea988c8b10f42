package org.collectionorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module: modules use only what another offers in its top-level package, and no two
 * depend on each other, directly or around a cycle (Spring Modulith).
 */
class ModuleBoundariesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CollectionOrchestratorApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughTheirTopLevelTypesAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void nothingInProductionCodeDependsOnTheLocalStandIns() {
        ApplicationModule local = MODULES.getModuleByName("local").orElseThrow();
        assertThat(MODULES.stream()
                .filter(module -> !module.equals(local))
                .filter(module -> dependsOn(module, local)))
                .extracting(ApplicationModule::getName)
                .isEmpty();
    }

    @Test
    void theOutboxKnowsNoCapabilityAndNoTransport() {
        ApplicationModule outbox = MODULES.getModuleByName("outbox").orElseThrow();
        assertThat(MODULES.stream().filter(module -> dependsOn(outbox, module)).map(ApplicationModule::getName)).isEmpty();
    }

    private static boolean dependsOn(ApplicationModule module, ApplicationModule other) {
        return module.getDirectDependencies(MODULES).stream().anyMatch(d -> d.getTargetModule().equals(other));
    }
}
