package dev.whylock.jvm.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** Small instruction builders shared by the rewriters. */
final class Emit {
    private Emit() {}

    static final String RT = Redirects.RT + "Rt";

    static AbstractInsnNode push(int v) {
        if (v >= -1 && v <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + v);
        }
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, v);
        }
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, v);
        }
        return new LdcInsnNode(v);
    }

    static MethodInsnNode call(String owner, String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name, desc, false);
    }

    static MethodInsnNode rt(String name, String desc) {
        return call(RT, name, desc);
    }

    /** The descriptor the runtime's typed hooks use for a value of {@code t}: I for every int-like type. */
    static String hookType(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> "I";
            case Type.LONG -> "J";
            case Type.FLOAT -> "F";
            case Type.DOUBLE -> "D";
            default -> "Ljava/lang/Object;";
        };
    }

    /** Boxes the value of type {@code t} on top of the stack. */
    static void box(InsnList out, Type t) {
        String box = switch (t.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.CHAR -> "java/lang/Character";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (box != null) {
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, box, "valueOf", "(" + t.getDescriptor() + ")L" + box + ";", false));
        }
    }

    /** Turns the Object on top of the stack into a value of type {@code t} (void: drops it). */
    static void unbox(InsnList out, Type t) {
        switch (t.getSort()) {
            case Type.VOID -> out.add(new InsnNode(Opcodes.POP));
            case Type.BOOLEAN -> unbox(out, "java/lang/Boolean", "booleanValue", "Z");
            case Type.BYTE -> unbox(out, "java/lang/Byte", "byteValue", "B");
            case Type.CHAR -> unbox(out, "java/lang/Character", "charValue", "C");
            case Type.SHORT -> unbox(out, "java/lang/Short", "shortValue", "S");
            case Type.INT -> unbox(out, "java/lang/Integer", "intValue", "I");
            case Type.LONG -> unbox(out, "java/lang/Long", "longValue", "J");
            case Type.FLOAT -> unbox(out, "java/lang/Float", "floatValue", "F");
            case Type.DOUBLE -> unbox(out, "java/lang/Double", "doubleValue", "D");
            default -> {
                if (!t.getInternalName().equals("java/lang/Object")) {
                    out.add(new TypeInsnNode(Opcodes.CHECKCAST, t.getInternalName()));
                }
            }
        }
    }

    private static void unbox(InsnList out, String box, String method, String prim) {
        out.add(new TypeInsnNode(Opcodes.CHECKCAST, box));
        out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, box, method, "()" + prim, false));
    }
}
