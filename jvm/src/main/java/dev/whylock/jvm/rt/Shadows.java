package dev.whylock.jvm.rt;

import dev.whylock.engine.Field;
import dev.whylock.jvm.instrument.Fields;
import dev.whylock.jvm.instrument.JavaNames;
import java.lang.reflect.Array;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The engine field that stands for each Java field, static field and array element the program
 * touches, created at the first access with the value the Java field holds then. The Java field
 * keeps the real value; its shadow makes each access a visible operation and shows its value in
 * traces. Also remembers where lock objects and arrays are held, to name them.
 */
final class Shadows {
    private final JvmRuntime rt;
    private final Map<Object, Map<Integer, Field<Object>>> instance = new IdentityHashMap<>();
    private final Map<Integer, Field<Object>> statics = new HashMap<>();
    private final Map<Object, Map<Integer, Field<Object>>> elements = new IdentityHashMap<>();
    private final Map<Object, Fields.Info> homes = new IdentityHashMap<>();
    /** Reflected fields by class and field id, kept as long as the class (a loader serves many executions). */
    private static final ClassValue<Map<Integer, java.lang.reflect.Field>> REFLECTED = new ClassValue<>() {
        @Override
        protected Map<Integer, java.lang.reflect.Field> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    Shadows(JvmRuntime rt) {
        this.rt = rt;
    }

    Field<Object> field(Object o, Fields.Info f) {
        Map<Integer, Field<Object>> m = instance.computeIfAbsent(o, k -> new HashMap<>(4));
        Field<Object> s = m.get(f.id());
        if (s == null) {
            s = create(f.display(), f.isVolatile(), current(o, f));
            m.put(f.id(), s);
        }
        return s;
    }

    /** The shadow if it exists (for accesses that are not operations but must keep it in step). */
    Field<Object> existing(Object o, Fields.Info f) {
        if (o == null) {
            return statics.get(f.id());
        }
        Map<Integer, Field<Object>> m = instance.get(o);
        return m == null ? null : m.get(f.id());
    }

    Field<Object> statik(Fields.Info f) {
        Field<Object> s = statics.get(f.id());
        if (s == null) {
            s = create(f.display(), f.isVolatile(), current(null, f));
            statics.put(f.id(), s);
        }
        return s;
    }

    Field<Object> element(Object array, int index) {
        Map<Integer, Field<Object>> m = elements.computeIfAbsent(array, k -> new HashMap<>());
        Field<Object> s = m.get(index);
        if (s == null) {
            Fields.Info home = homes.get(array);
            String name = (home != null ? home.display() : JavaNames.simple(array.getClass().getComponentType().getName()))
                    + "[" + index + "]";
            s = create(name, false, element(array, index, Array.get(array, index)));
            m.put(index, s);
        }
        return s;
    }

    Field<Object> existingElement(Object array, int index) {
        Map<Integer, Field<Object>> m = elements.get(array);
        return m == null ? null : m.get(index);
    }

    static Object element(Object array, int index, Object boxed) {
        return array instanceof boolean[] || array instanceof char[] ? boxed : Display.of(boxed);
    }

    private Field<Object> create(String name, boolean isVolatile, Object initial) {
        Field<Object> f = rt.env.field(name, initial);
        return isVolatile ? f.ordered() : f;
    }

    /** Records where {@code value} is held, if it is the first place: lock objects and arrays are named after it. */
    void home(Object value, Fields.Info f) {
        if (value != null && !(value instanceof Identified) && !(value instanceof String) && !(value instanceof Number)) {
            homes.putIfAbsent(value, f);
        }
    }

    Fields.Info home(Object value) {
        return homes.get(value);
    }

    /** The Java field's value now, read reflectively (once per shadow). */
    private Object current(Object o, Fields.Info f) {
        try {
            java.lang.reflect.Field jf = reflect(o == null ? Class.forName(JavaNames.binary(f.owner()), true, rt.loader) : o.getClass(), f);
            Object v = jf.get(o);
            return f.sort() == 'L' || f.sort() == '[' ? Display.of(v) : v;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }

    private java.lang.reflect.Field reflect(Class<?> c, Fields.Info f) throws ReflectiveOperationException {
        Map<Integer, java.lang.reflect.Field> m = REFLECTED.get(c);
        java.lang.reflect.Field jf = m.get(f.id());
        if (jf == null) {
            String owner = JavaNames.binary(f.owner());
            Class<?> d = c;
            while (d != null && !d.getName().equals(owner)) {
                d = d.getSuperclass();
            }
            if (d == null) {
                throw new NoSuchFieldException(f.display());
            }
            jf = d.getDeclaredField(f.name());
            jf.setAccessible(true);
            m.put(f.id(), jf);
        }
        return jf;
    }
}
