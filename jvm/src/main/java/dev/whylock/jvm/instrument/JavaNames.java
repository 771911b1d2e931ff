package dev.whylock.jvm.instrument;

/** How reports spell Java classes: qualified ({@code pkg.Outer.Inner}) for lock names, simple ({@code Outer.Inner}) for fields and sites. */
public final class JavaNames {
    private JavaNames() {}

    /** {@code dev/whylock/examples/Transfers$Account} becomes {@code dev.whylock.examples.Transfers.Account}. */
    public static String qualified(String internalOrBinaryName) {
        return internalOrBinaryName.replace('/', '.').replace('$', '.');
    }

    /** {@code dev/whylock/examples/Transfers$Account} becomes {@code Transfers.Account}. */
    public static String simple(String internalOrBinaryName) {
        String n = internalOrBinaryName.replace('/', '.');
        int dot = n.lastIndexOf('.');
        return (dot < 0 ? n : n.substring(dot + 1)).replace('$', '.');
    }

    /** The binary name ({@code pkg.Outer$Inner}) of an internal name. */
    public static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    /** The internal name ({@code pkg/Outer$Inner}) of a binary name. */
    public static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
