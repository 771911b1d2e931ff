package dev.whylock.jvm.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every field of a rewritten class that rewritten code accesses, numbered once per JVM. */
public final class Fields {
    private Fields() {}

    /**
     * A field as declared: {@code owner} is the declaring class's internal name, {@code desc} its
     * type descriptor.
     */
    public record Info(int id, String owner, String name, String desc, boolean isStatic, boolean isVolatile, boolean isFinal) {

        /** {@code Account.balance}: how traces and locksets name the field. */
        public String display() {
            return JavaNames.simple(owner) + "." + name;
        }

        /** {@code pkg.Account.balance}: how lock names spell a lock object held in this field. */
        public String qualified() {
            return JavaNames.qualified(owner) + "." + name;
        }

        /** The first character of the descriptor: the kind of value ({@code I}, {@code Z}, {@code L}, {@code [} ...). */
        public char sort() {
            return desc.charAt(0);
        }
    }

    private static final List<Info> INFOS = new ArrayList<>();
    private static final Map<String, Integer> IDS = new HashMap<>();

    /** The id of a declared field, registering it on first use. */
    public static synchronized int id(String owner, String name, String desc, boolean isStatic, boolean isVolatile, boolean isFinal) {
        String key = owner + "." + name;
        Integer id = IDS.get(key);
        if (id == null) {
            id = INFOS.size();
            INFOS.add(new Info(id, owner, name, desc, isStatic, isVolatile, isFinal));
            IDS.put(key, id);
        }
        return id;
    }

    public static synchronized Info get(int id) {
        return INFOS.get(id);
    }
}
