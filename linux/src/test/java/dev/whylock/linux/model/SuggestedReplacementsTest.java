package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.LockExperiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestedReplacementsTest {

    @Test
    void rtnl_suggestsAPrivateSfpBusLock_atSitesThatExist() throws Exception {
        Model m = Models.get("sfp-v5.14");
        List<String> specs = m.suggestedReplacements("rtnl_mutex");
        assertEquals(2, specs.size());
        for (String spec : specs) {
            LockExperiment e = LockExperiment.parse(LockExperiment.Kind.REPLACE, spec);
            assertEquals("sfp_bus->lock", e.replacement());
            for (String site : e.sites()) {
                assertTrue(m.sites().contains("rtnl_mutex@" + site), site);
            }
        }
        assertEquals(List.of("sfp_bus_add_upstream", "sfp_bus_del_upstream", "sfp_register_socket", "sfp_unregister_socket"),
                LockExperiment.parse(LockExperiment.Kind.REPLACE, specs.get(0)).sites().stream().sorted().toList());
    }

    @Test
    void otherLocks_haveNoSuggestion() throws Exception {
        assertTrue(Models.get("sfp-v5.14").suggestedReplacements("sfp_mutex").isEmpty());
    }
}
