package dev.whylock.linux.drivers.net.phy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Obj;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.net.ethtool.EthtoolModinfo;
import dev.whylock.linux.net.ethtool.EthtoolModuleEeprom;
import dev.whylock.linux.testing.Runs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SfpBusTest {

    /** A socket (cage driver) that records the calls the bus makes. */
    static final class FakeSocket implements SfpSocketOps {
        final List<String> calls;

        FakeSocket(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void attach(Obj sfp) {
            calls.add("socket.attach");
        }

        @Override
        public void detach(Obj sfp) {
            calls.add("socket.detach");
        }

        @Override
        public void start(Obj sfp) {
            calls.add("socket.start");
        }

        @Override
        public void stop(Obj sfp) {
            calls.add("socket.stop");
        }

        @Override
        public int moduleInfo(Obj sfp, EthtoolModinfo modinfo) {
            return 0;
        }

        @Override
        public int moduleEeprom(Obj sfp, EthtoolModuleEeprom ee) {
            return 0;
        }

        @Override
        public int moduleEepromByPage(Obj sfp, EthtoolModuleEeprom page) {
            return 0;
        }
    }

    /** An upstream that records the calls the bus makes. */
    static final class FakeUpstream implements SfpUpstreamOps {
        final List<String> calls;

        FakeUpstream(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void attach(Obj upstream, SfpBusStruct bus) {
            calls.add("upstream.attach");
        }

        @Override
        public void detach(Obj upstream, SfpBusStruct bus) {
            calls.add("upstream.detach");
        }

        @Override
        public void linkDown(Obj upstream) {
            calls.add("upstream.link_down");
        }

        @Override
        public int connectPhy(Obj upstream, PhyDeviceStruct phy) {
            calls.add("upstream.connect_phy");
            return 0;
        }

        @Override
        public void disconnectPhy(Obj upstream) {
            calls.add("upstream.disconnect_phy");
        }
    }

    /** The state both registration orders must end in. */
    record Final(boolean registered, long kref, boolean hasSfp, boolean hasUpstream, int buses, List<String> calls) {}

    private static Final register(boolean socketFirst) {
        List<String> calls = new ArrayList<>();
        Final[] out = new Final[1];
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Fwnode cage = new Fwnode("sfp0");
            Fwnode mac = new Fwnode("mac0", cage, true);
            Device sfpDev = new Device("struct platform_device", "sfp0", cage);
            Obj sfp = new Obj("struct sfp") { };
            Obj pl = new Obj("struct phylink") { };
            SfpBusStruct bus;
            if (socketFirst) {
                bus = SfpBus.sfpRegisterSocket(sfpDev, sfp, new FakeSocket(calls));
                SfpBusStruct up = SfpBus.sfpBusFindFwnode(mac);
                SfpBus.sfpBusAddUpstream(up, pl, new FakeUpstream(calls));
                SfpBus.sfpBusPut(up);
            } else {
                SfpBusStruct up = SfpBus.sfpBusFindFwnode(mac);
                SfpBus.sfpBusAddUpstream(up, pl, new FakeUpstream(calls));
                SfpBus.sfpBusPut(up);
                bus = SfpBus.sfpRegisterSocket(sfpDev, sfp, new FakeSocket(calls));
            }
            out[0] = new Final(bus.registered.peek(), bus.kref.peek(), bus.sfp.peek() == sfp,
                    bus.upstream.peek() == pl, SfpBus.busesPeek().size(), List.copyOf(calls));
        });
        assertEquals(ExecutionOutcome.Status.COMPLETE, o.status(), () -> o.violations().toString());
        assertTrue(o.violations().isEmpty(), () -> o.violations().toString());
        return out[0];
    }

    @Test
    void registerBus_socketFirstOrUpstreamFirst_sameFinalState() {
        Final socketFirst = register(true);
        Final upstreamFirst = register(false);
        assertEquals(socketFirst, upstreamFirst);
        assertTrue(socketFirst.registered());
        assertEquals(2, socketFirst.kref(), "one reference per side");
        assertEquals(1, socketFirst.buses(), "both sides share one bus for the cage node");
    }

    @Test
    void registerBus_bothSidesPresent_callsInKernelOrder() {
        // sfp_register_bus: link_down, (connect_phy only with a module PHY), registered,
        // socket attach, (socket start only when started), upstream attach.
        assertEquals(List.of("upstream.link_down", "socket.attach", "upstream.attach"), register(true).calls());
    }

    @Test
    void unregisterSocket_registeredStartedBusWithPhy_detachesInKernelOrderAndDropsItsReference() {
        List<String> calls = new ArrayList<>();
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Fwnode cage = new Fwnode("sfp0");
            Device sfpDev = new Device("struct platform_device", "sfp0", cage);
            SfpBusStruct bus = SfpBus.sfpRegisterSocket(sfpDev, new Obj("struct sfp") { }, new FakeSocket(calls));
            SfpBusStruct up = SfpBus.sfpBusFindFwnode(new Fwnode("mac0", cage, true));
            SfpBus.sfpBusAddUpstream(up, new Obj("struct phylink") { }, new FakeUpstream(calls));
            SfpBus.sfpBusPut(up);
            bus.phydev.set(new PhyDeviceStruct(new MiiBus("sfp0-mii", new dev.whylock.linux.drivers.i2c.I2cAdapter("i2c0")), PhyDevice.SFP_PHY_ADDR), "test");
            SfpBus.sfpUpstreamStart(bus);
            calls.clear();
            SfpBus.sfpUnregisterSocket(bus);
            assertFalse(bus.registered.peek());
            assertNull(bus.sfp.peek());
            assertNull(bus.socket_ops.peek());
            assertEquals(1, bus.kref.peek(), "the upstream still holds the bus");
        });
        assertTrue(o.violations().isEmpty(), () -> o.violations().toString());
        assertEquals(List.of("upstream.detach", "socket.stop", "socket.detach", "upstream.disconnect_phy"), calls);
    }

    @Test
    void busPut_lastReference_unlinksAndFreesBus() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Fwnode cage = new Fwnode("sfp0");
            SfpBusStruct a = SfpBus.sfpBusFindFwnode(new Fwnode("mac0", cage, true));
            SfpBusStruct b = SfpBus.sfpBusFindFwnode(new Fwnode("phy0", cage, true));
            assertSame(a, b);
            assertEquals(2, a.kref.peek());
            SfpBus.sfpBusPut(a);
            assertFalse(a.isFreed());
            SfpBus.sfpBusPut(b);
            assertTrue(a.isFreed());
            assertTrue(SfpBus.busesPeek().isEmpty());
        });
        assertTrue(o.violations().isEmpty(), () -> o.violations().toString());
    }

    @Test
    void busPut_oneTooMany_reportsUseAfterFreeOfTheKref() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            SfpBusStruct a = SfpBus.sfpBusFindFwnode(new Fwnode("mac0", new Fwnode("sfp0"), true));
            SfpBus.sfpBusPut(a);
            SfpBus.sfpBusPut(a);
        });
        assertTrue(o.violations().stream().anyMatch(v -> v.kind() == ViolationKind.USE_AFTER_FREE),
                () -> o.violations().toString());
    }

    @Test
    void phyAsUpstream_cageBindsAfterAttach_publishesBusOnNetdevAndWithdrawsOnRemove() {
        List<String> calls = new ArrayList<>();
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Fwnode cage = new Fwnode("sfp1");
            MiiBus mii = new MiiBus("mdio0", new dev.whylock.linux.drivers.i2c.I2cAdapter("i2c0"));
            mii.setPhyType(dev.whylock.linux.hw.SfpModuleType.COPPER_SGMII_PHY);
            PhyDeviceStruct phy = PhyDevice.getPhyDevice(mii, 0, false);
            assertEquals(0, PhyDevice.phySfpProbe(phy, new Fwnode("phy0", cage, true), PhyDevice.PHY_SFP_OPS));
            dev.whylock.linux.net.core.NetDevice nd = new dev.whylock.linux.net.core.NetDevice("eth1", null);
            phy.attached_dev.set(nd, "test");
            SfpBusStruct bus = SfpBus.sfpRegisterSocket(new Device("struct platform_device", "sfp1", cage),
                    new Obj("struct sfp") { }, new FakeSocket(calls));
            assertTrue(bus.registered.peek());
            assertSame(bus, nd.sfp_bus.peek());
            assertTrue(phy.sfp_bus_attached.peek());
            PhyDevice.phyRemove(phy);
            assertNull(nd.sfp_bus.peek());
            assertFalse(phy.sfp_bus_attached.peek());
            assertNull(bus.upstream_ops.peek());
        });
        assertTrue(o.violations().isEmpty(), () -> o.violations().toString());
        assertEquals(List.of("socket.attach", "socket.detach"), calls, "no module PHY calls through a PHY upstream");
    }

    @Test
    void moduleInsert_busNotRegistered_doesNotCallUpstream() {
        List<String> calls = new ArrayList<>();
        ExecutionOutcome o = Runs.setupOnly(env -> {
            SfpBusStruct up = SfpBus.sfpBusFindFwnode(new Fwnode("mac0", new Fwnode("sfp0"), true));
            SfpBus.sfpBusAddUpstream(up, new Obj("struct phylink") { }, new FakeUpstream(calls));
            SfpBus.sfpLinkDown(up);
            assertFalse(up.registered.peek());
        });
        assertTrue(o.violations().isEmpty(), () -> o.violations().toString());
        assertEquals(List.of(), calls, "sfp_get_upstream_ops returns NULL until the bus is registered");
    }
}
