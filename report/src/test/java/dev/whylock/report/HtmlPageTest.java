package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link HtmlPage#names}: a name never breaks in the middle, and the punctuation around it is not part of it. */
class HtmlPageTest {

    @Test
    void names_spanCoversTheNameOnly_punctuationOutside() {
        assertEquals("writes (<span class=\"nm\">sfp-&gt;sm_state</span>), reads <span class=\"nm\">bus-&gt;upstream</span>.",
                HtmlPage.names("writes (sfp->sm_state), reads bus->upstream."));
        assertEquals("<span class=\"nm\">rtnl_mutex</span>: &quot;<span class=\"nm\">sfp_bus_add_upstream</span>&quot;",
                HtmlPage.names("rtnl_mutex: \"sfp_bus_add_upstream\""));
        assertEquals("plain words, (kept) as they are", HtmlPage.names("plain words, (kept) as they are"));
        assertEquals("", HtmlPage.names(null));
    }
}
