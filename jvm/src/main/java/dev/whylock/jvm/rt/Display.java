package dev.whylock.jvm.rt;

import dev.whylock.jvm.instrument.JavaNames;

/**
 * Values as traces show them, computed without running application code: numbers, strings,
 * booleans and characters as they are, enum constants by name, objects of application classes as
 * {@code Account@1b6d3586} (their deterministic identity), other objects by type.
 */
final class Display {
    private Display() {}

    static Object of(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Character) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return JavaNames.simple(e.getDeclaringClass().getName()) + "." + e.name();
        }
        if (v instanceof Identified i) {
            return JavaNames.simple(v.getClass().getName()) + "@" + Integer.toHexString(i.$whylock$identity());
        }
        if (v instanceof Class<?> c) {
            return JavaNames.simple(c.getName()) + ".class";
        }
        Class<?> c = v.getClass();
        if (c.isArray()) {
            return JavaNames.simple(c.getComponentType().getName()) + "[" + java.lang.reflect.Array.getLength(v) + "]";
        }
        return "&" + typeName(c);
    }

    /** An int-like value of a field or array of the given descriptor sort. */
    static Object ofInt(int v, char sort) {
        return switch (sort) {
            case 'Z' -> v != 0;
            case 'C' -> (char) v;
            case 'B' -> (byte) v;
            case 'S' -> (short) v;
            default -> v;
        };
    }

    /** The JDK's name for a class, the replaced one for the runtime's model classes. */
    static String typeName(Class<?> c) {
        if (c.getName().startsWith("dev.whylock.jvm.rt.Model")) {
            c = c.getSuperclass();
        }
        if (c.isAnonymousClass() || c.isHidden() || c.isSynthetic()) {
            return c.getInterfaces().length > 0 ? c.getInterfaces()[0].getSimpleName() : "Object";
        }
        return JavaNames.simple(c.getName());
    }
}
