package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Violation;
import dev.whylock.linux.drivers.net.phy.Sfp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, the sfp_probe window (MAC first, module present at cage probe): sfp_probe arms the
 * T_SERIAL timer with INSERT before sfp_register_socket and sets {@code sfp->sfp_bus} after it. The
 * outcomes, found by exhaustive DPOR and pinned here as data: untimed the timer may fire inside the
 * window; timed it cannot unless something holds rtnl across T_SERIAL.
 */
class ProbeWindowTest {

    private static ExplorationResult explore(String scenario, String model, RunConfig.Timing timing) {
        ExplorationResult r = Explore.dpor(ScenarioLoader.builtin(scenario).withModel(model), timing, 20_000);
        assertTrue(r.exhaustive(), () -> Explore.summary(r));
        return r;
    }

    private static List<Violation> nullSfpBus(ExplorationResult r) {
        return r.violations().stream()
                .filter(v -> v.kind() == ViolationKind.NULL_DEREFERENCE && v.message().contains("sfp->sfp_bus")).toList();
    }

    @ParameterizedTest(name = "{0} {1} {2}: NULL sfp->sfp_bus {3}")
    @CsvSource({
        "cage-probe-after-mac,           sfp-v5.14, TIMED,   false",
        "cage-probe-after-mac,           sfp-v6.5,  TIMED,   false",
        "cage-probe-after-mac,           sfp-v5.14, UNTIMED, true",
        "cage-probe-after-mac,           sfp-v6.5,  UNTIMED, true",
        "cage-probe-after-mac-rtnl-busy, sfp-v5.14, TIMED,   true",
        "cage-probe-after-mac-rtnl-busy, sfp-v6.5,  TIMED,   true",
        "cage-probe-after-mac-rtnl-busy, sfp-v5.14, UNTIMED, true",
    })
    void cageProbeAfterMac_timingAndRtnlHold_decideTheNullBusDereference(String scenario, String model, RunConfig.Timing timing,
            boolean nullDeref) {
        ExplorationResult r = explore(scenario, model, timing);
        assertEquals(nullDeref, !nullSfpBus(r).isEmpty(), () -> Explore.summary(r));
        if (!nullDeref) {
            assertTrue(r.violations().isEmpty(), () -> Explore.summary(r));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sfp-v5.14", "sfp-v6.5"})
    void rtnlBusy_timedCounterexample_showsTheTimerDueWhileRegistrationWaits(String model) {
        // The failing interleaving, as virtual time tells it: INSERT at t=0 arms T_SERIAL; sfp_timeout runs once
        // the hold ends (after T_SERIAL), probes the EEPROM, and only then does sfp_register_socket get rtnl.
        Violation v = nullSfpBus(explore("cage-probe-after-mac-rtnl-busy", model, RunConfig.Timing.TIMED)).get(0);
        List<Step> steps = v.trace().steps();
        Step insertTimer = steps.stream().filter(s -> "sfp_sm_set_timer".equals(s.site()) && s.operation().equals("mod"))
                .findFirst().orElseThrow();
        Step timeout = steps.stream().filter(s -> "sfp_timeout".equals(s.site()) && s.operation().equals("lock"))
                .findFirst().orElseThrow();
        Step register = steps.stream().filter(s -> "sfp_register_socket".equals(s.site()) && s.operation().equals("lock"))
                .findFirst().orElseThrow();
        assertEquals(0L, insertTimer.time(), v.trace().toString());
        assertTrue(timeout.time() >= Sfp.T_SERIAL, v.trace().toString());
        assertTrue(timeout.index() < register.index() && register.time() >= timeout.time(), v.trace().toString());
        assertEquals("cage", v.task());
    }
}
