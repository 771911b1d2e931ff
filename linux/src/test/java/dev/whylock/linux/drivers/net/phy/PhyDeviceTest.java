package dev.whylock.linux.drivers.net.phy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.linux.drivers.base.Dd;
import dev.whylock.linux.hw.SfpModuleType;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.net.core.NetDeviceOps;
import dev.whylock.linux.testing.Runs;
import org.junit.jupiter.api.Test;

class PhyDeviceTest {

    private static final NetDeviceOps NO_OPS = new NetDeviceOps() {
        @Override
        public int ndoOpen(NetDevice dev) {
            return 0;
        }

        @Override
        public int ndoStop(NetDevice dev) {
            return 0;
        }
    };

    private static PhyDeviceStruct modulePhy() {
        MiiBus bus = new MiiBus("sfp0-mii", new dev.whylock.linux.drivers.i2c.I2cAdapter("i2c0"));
        bus.setPhyType(SfpModuleType.COPPER_SGMII_PHY);
        return PhyDevice.getPhyDevice(bus, PhyDevice.SFP_PHY_ADDR, false);
    }

    @Test
    void getPhyDevice_noPhyBehindModule_returnsNull() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            MiiBus bus = new MiiBus("sfp0-mii", new dev.whylock.linux.drivers.i2c.I2cAdapter("i2c0"));
            bus.setPhyType(SfpModuleType.SFP_1000BASE_X);
            assertNull(PhyDevice.getPhyDevice(bus, PhyDevice.SFP_PHY_ADDR, false));
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
    }

    @Test
    void attachDirect_specificDriverBound_attachesWithoutGenphy() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            PhyDeviceStruct phy = modulePhy();
            PhyDevice.phyDeviceRegister(phy);
            assertSame(PhyDevice.SPECIFIC, phy.driver.peek());
            NetDevice nd = new NetDevice("eth0", NO_OPS);
            assertEquals(0, PhyDevice.phyAttachDirect(nd, phy, 0, SfpBus.PhyInterface.SGMII));
            assertSame(phy, nd.phydev.peek());
            assertSame(nd, phy.attached_dev.peek());
            assertSame(PhyDevice.SPECIFIC, phy.driver.peek());
            PhyDevice.phyDetach(phy);
            assertNull(nd.phydev.peek());
            assertSame(PhyDevice.SPECIFIC, phy.driver.peek(), "phy_detach releases only genphy");
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
    }

    @Test
    void attachDirect_specificProbeDeferred_bindsGenphyAndDetachReleasesIt() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Kernel.get().setOption(PhyDevice.OPTION_PHY_PROBE_DEFERS, true);
            PhyDeviceStruct phy = modulePhy();
            PhyDevice.phyDeviceRegister(phy);
            assertNull(phy.driver.peek(), "the specific probe deferred");
            assertTrue(Dd.devicePendingProbe(phy));
            NetDevice nd = new NetDevice("eth0", NO_OPS);
            assertEquals(0, PhyDevice.phyAttachDirect(nd, phy, 0, SfpBus.PhyInterface.SGMII));
            assertSame(PhyDevice.GENPHY, phy.driver.peek());
            PhyDevice.phyDetach(phy);
            assertNull(phy.driver.peek());
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
    }

    @Test
    void attachDirect_rfcAndSpecificProbePending_returnsEprobeDefer() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Kernel.get().setOption(PhyDevice.OPTION_PHY_PROBE_DEFERS, true);
            Kernel.get().setOption(PhyDevice.OPTION_RFC_PHY_DEFER, true);
            PhyDeviceStruct phy = modulePhy();
            PhyDevice.phyDeviceRegister(phy);
            NetDevice nd = new NetDevice("eth0", NO_OPS);
            assertEquals(-Errno.EPROBE_DEFER, PhyDevice.phyAttachDirect(nd, phy, 0, SfpBus.PhyInterface.SGMII));
            assertNull(nd.phydev.peek());
            assertNull(phy.driver.peek());
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
    }

    @Test
    void attachDirect_alreadyAttached_returnsEbusy() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            PhyDeviceStruct phy = modulePhy();
            PhyDevice.phyDeviceRegister(phy);
            assertEquals(0, PhyDevice.phyAttachDirect(new NetDevice("eth0", NO_OPS), phy, 0, SfpBus.PhyInterface.SGMII));
            assertEquals(-Errno.EBUSY, PhyDevice.phyAttachDirect(new NetDevice("eth1", NO_OPS), phy, 0, SfpBus.PhyInterface.SGMII));
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
    }
}
