package dev.whylock.jvm.rt;

import dev.whylock.jvm.instrument.JavaNames;
import dev.whylock.jvm.instrument.Sites;
import java.util.Optional;

/**
 * The site of a call into a model class (ModelReentrantLock.lock() and the like): the innermost
 * frame of an application class on the stack, as {@code Class.method:LINE}. Model classes are
 * reached by virtual dispatch, from any call site, so the site is read from the stack.
 */
final class CallerSite {
    private CallerSite() {}

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    static String of(JvmRuntime rt) {
        Optional<StackWalker.StackFrame> f = WALKER.walk(s -> s.filter(fr -> rt.rewritten(fr.getDeclaringClass())).findFirst());
        if (f.isEmpty()) {
            return "?";
        }
        StackWalker.StackFrame fr = f.get();
        String method = fr.getMethodName();
        if (method.startsWith("$whylock$bridge$")) {
            method = "lambda";
        }
        return Sites.display(Sites.id(JavaNames.internal(fr.getClassName()), method, Math.max(0, fr.getLineNumber())));
    }
}
