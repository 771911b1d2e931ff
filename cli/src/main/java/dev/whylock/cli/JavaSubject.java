package dev.whylock.cli;

import dev.whylock.engine.Program;
import dev.whylock.jvm.JavaProgram;
import dev.whylock.jvm.JavaTarget;
import dev.whylock.jvm.JavaTargetException;
import java.util.Map;
import java.util.Set;

/**
 * A compiled Java program given as {@code --java CLASS[#METHOD] --class-path PATH}, with the locks
 * a first exploration saw it take ({@link JavaLocks}).
 */
record JavaSubject(JavaTarget target, JavaLocks locks) implements Subject {

    static final String MODEL = "java";

    /** Parses and checks the flags; the class and method must exist. */
    static JavaTarget target(String java, String classPath, int spuriousWakeups) {
        try {
            JavaTarget t = JavaTarget.parse(java, classPath).withSpuriousWakeups(spuriousWakeups);
            JavaProgram.of(t).close();
            return t;
        } catch (JavaTargetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public String modelName() {
        return MODEL;
    }

    @Override
    public String scenarioName() {
        return target.display();
    }

    @Override
    public Program program() {
        try {
            return JavaProgram.of(target);
        } catch (JavaTargetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public Set<String> unvalidatedLockClasses() {
        return Set.of();
    }

    @Override
    public boolean isNewLock(String lock) {
        return locks == null || !locks.names().contains(lock);
    }

    @Override
    public void describe(Map<String, String> h) {
        h.put("java-class", target.className());
        h.put("java-method", target.method());
        h.put("class-path", target.classPathText());
        if (target.spuriousWakeups() > 0) {
            h.put("spurious-wakeups", Integer.toString(target.spuriousWakeups()));
        }
    }
}
