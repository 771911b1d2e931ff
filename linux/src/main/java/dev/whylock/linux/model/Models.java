package dev.whylock.linux.model;

import dev.whylock.linux.kernel.Kernel;
import java.util.List;

/** The registry of models. */
public final class Models {
    private Models() {}

    /** The default model. */
    public static final String DEFAULT = "sfp-v5.14";

    private static final List<Model> ALL = List.of(
            new SfpModel("sfp-v5.14", Kernel.Version.V5_14,
                    "SFP bus / phylink / phylib as in Linux v5.14 (the 2021 netdev discussion): st_mutex outermost (st -> rtnl -> sm)"),
            new SfpModel("sfp-v6.5", Kernel.Version.V6_5,
                    "the same subsystem with the May 2023 lock order (v6.5): rtnl -> sm -> st, st innermost; phylink_resolve takes st"));

    /** Every model, default first. */
    public static List<Model> all() {
        return ALL;
    }

    /** The names of every model. */
    public static List<String> names() {
        return ALL.stream().map(Model::name).toList();
    }

    /** The model named {@code name}; throws {@link UnknownModelException} listing the valid names. */
    public static Model get(String name) {
        for (Model m : ALL) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new UnknownModelException(name, names());
    }
}
