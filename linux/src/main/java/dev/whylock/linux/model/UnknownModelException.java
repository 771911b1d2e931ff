package dev.whylock.linux.model;

import java.util.List;

/** No model has the requested name; the message lists the valid ones. */
public final class UnknownModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownModelException(String name, List<String> valid) {
        super("unknown model '" + name + "'" + Suggest.didYouMean(name, valid) + " (valid models: "
                + String.join(", ", valid) + ")");
    }
}
