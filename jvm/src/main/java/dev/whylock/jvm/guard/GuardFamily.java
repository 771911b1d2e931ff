package dev.whylock.jvm.guard;

import java.util.List;

/** The three {@code @GuardedBy} annotations in use: JSR-305's javax.annotation.concurrent, JCIP's and Error Prone's. */
public enum GuardFamily {
    ERROR_PRONE("com.google.errorprone.annotations.concurrent.GuardedBy"),
    JAVAX("javax.annotation.concurrent.GuardedBy"),
    JCIP("net.jcip.annotations.GuardedBy");

    private final String qualified;

    GuardFamily(String qualified) {
        this.qualified = qualified;
    }

    /** The annotation's qualified name, as an import names it. */
    public String qualified() {
        return qualified;
    }

    /** The class file descriptor, e.g. {@code Lnet/jcip/annotations/GuardedBy;}. */
    String descriptor() {
        return "L" + qualified.replace('.', '/') + ";";
    }

    /** The family of a descriptor or qualified name, or null for any other annotation. */
    static GuardFamily of(String descriptorOrName) {
        for (GuardFamily f : List.of(values())) {
            if (f.descriptor().equals(descriptorOrName) || f.qualified.equals(descriptorOrName)) {
                return f;
            }
        }
        return null;
    }
}
