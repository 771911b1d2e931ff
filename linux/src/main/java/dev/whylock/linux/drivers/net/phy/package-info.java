/**
 * drivers/net/phy: one class per kernel file ({@code SfpBus} for sfp-bus.c, {@code Sfp} for
 * sfp.c, {@code Phylink} for phylink.c, {@code PhyDevice} for phy_device.c, {@code Phy} for phy.c)
 * with static methods named after the kernel functions, and one type per kernel struct; a struct
 * whose name is also a file's takes the suffix {@code Struct} ({@code SfpBusStruct},
 * {@code PhylinkStruct}, {@code PhyDeviceStruct}, {@code SfpStruct}).
 */
package dev.whylock.linux.drivers.net.phy;
