package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Chooser;
import dev.whylock.engine.exec.Execution;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.exec.SchedulingPoint;
import dev.whylock.linux.drivers.base.Dd;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.net.core.Rtnetlink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A test world for sfp.c: one cage bound to the sfp driver and, optionally, a recording upstream
 * standing in for phylink. Runs one execution with a fixed schedule (lowest enabled task first).
 */
final class SfpWorld {

    /** An upstream that records which sfp_upstream_ops the socket side called, in order. */
    static final class RecordingUpstream extends Obj implements SfpUpstreamOps {
        final List<String> calls = new ArrayList<>();
        /** What .module_start returns (an upstream that cannot start the module fails it). */
        int moduleStartResult;

        RecordingUpstream() {
            super("struct phylink");
        }

        @Override
        public void attach(Obj upstream, SfpBusStruct bus) {
            calls.add("attach");
        }

        @Override
        public void detach(Obj upstream, SfpBusStruct bus) {
            calls.add("detach");
        }

        @Override
        public int moduleInsert(Obj upstream, SfpEepromId id) {
            calls.add("module_insert");
            return 0;
        }

        @Override
        public void moduleRemove(Obj upstream) {
            calls.add("module_remove");
        }

        @Override
        public int moduleStart(Obj upstream) {
            calls.add("module_start");
            return moduleStartResult;
        }

        @Override
        public void moduleStop(Obj upstream) {
            calls.add("module_stop");
        }

        @Override
        public void linkDown(Obj upstream) {
            calls.add("link_down");
        }

        @Override
        public void linkUp(Obj upstream) {
            calls.add("link_up");
        }

        @Override
        public int connectPhy(Obj upstream, PhyDeviceStruct phy) {
            calls.add("connect_phy");
            return 0;
        }

        @Override
        public void disconnectPhy(Obj upstream) {
            calls.add("disconnect_phy");
        }
    }

    final Kernel.Version version;
    final SfpCage.Config config;
    SfpCage cage;
    RecordingUpstream upstream;
    SfpBusStruct bus;
    Env env;

    SfpWorld(Kernel.Version version, SfpCage.Config config) {
        this.version = version;
        this.config = config;
    }

    SfpWorld(Kernel.Version version) {
        this(version, SfpCage.Config.defaults());
    }

    /** The bound driver's struct sfp (no visible operation). */
    SfpStruct sfp() {
        return Sfp.drvdataPeek(cage);
    }

    /** sfp_probe through the driver core (device_lock held around it). */
    int probe() {
        return Dd.deviceDriverAttach(Sfp.SFP_DRIVER, cage.pdev());
    }

    /** sfp_remove + devres (sfp_cleanup) through the driver core. */
    void unbind() {
        Dd.deviceReleaseDriver(cage.pdev());
    }

    /** What phylink_create does for the cage: find the bus and add the recording upstream (DEV_ATTACH). */
    void addUpstream() {
        upstream = new RecordingUpstream();
        bus = SfpBus.sfpBusFindFwnode(new Fwnode("mac0", cage.fwnode(), true));
        SfpBus.sfpBusAddUpstream(bus, upstream, upstream);
    }

    /** What phylink_start does under rtnl: sfp_upstream_start (DEV_UP). */
    void start() {
        Rtnetlink.rtnlLock("phylink_start");
        SfpBus.sfpUpstreamStart(bus);
        Rtnetlink.rtnlUnlock("phylink_start");
    }

    /** What phylink_stop does under rtnl: sfp_upstream_stop (DEV_DOWN). */
    void stop() {
        Rtnetlink.rtnlLock("phylink_stop");
        SfpBus.sfpUpstreamStop(bus);
        Rtnetlink.rtnlUnlock("phylink_stop");
    }

    /** Runs {@code setup} deterministically (setup phase: timers in deadline order while main waits). */
    ExecutionOutcome run(Consumer<SfpWorld> setup) {
        return run(setup, w -> {});
    }

    /** Runs {@code setup}, then {@code race} under a fixed lowest-task-first schedule. */
    ExecutionOutcome run(Consumer<SfpWorld> setup, Consumer<SfpWorld> race) {
        Program p = new Program() {
            @Override
            public String name() {
                return "sfp-test";
            }

            @Override
            public void setup(Env e) {
                env = e;
                Kernel.get().setVersion(version);
                cage = new SfpCage("sfp0", config);
                setup.accept(SfpWorld.this);
            }

            @Override
            public void run(Env e) {
                race.accept(SfpWorld.this);
            }
        };
        return new Execution(p, RunConfig.defaults(), new LowestFirst()).run();
    }

    /** The values written to a tracked field, in order (from the execution log). */
    static List<Object> writes(ExecutionOutcome o, String field) {
        List<Object> values = new ArrayList<>();
        for (Op op : o.log()) {
            if (op.kind() == dev.whylock.engine.exec.OpKind.WRITE && op.target() != null
                    && op.target().toString().equals(field)) {
                values.add(op.arg());
            }
        }
        return values;
    }

    /** A schedule that always runs the lowest-numbered enabled task. */
    static final class LowestFirst implements Chooser {
        @Override
        public int pickTask(SchedulingPoint point) {
            return point.enabled().nextSetBit(0);
        }

        @Override
        public int pickValue(int step, int n) {
            return 0;
        }

        @Override
        public void executed(Op op, boolean fixed) {}

        @Override
        public void taskCreated(int task, int parent) {}
    }

    static String describe(ExecutionOutcome o) {
        return o.status() + " " + o.violations();
    }
}
