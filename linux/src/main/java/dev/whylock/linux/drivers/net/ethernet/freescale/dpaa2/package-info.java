/**
 * drivers/net/ethernet/freescale/dpaa2: the DPAA2 Ethernet driver behind the 2021 thread. A DPNI
 * (the netdev) is connected to a DPMAC (the phylink instance) at run time, on a registered and
 * possibly running netdev; v5.14 does it under rtnl, the 2022 fix (model option
 * {@code dpaa2-mac-lock}) under a private {@code priv->mac_lock}.
 */
package dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2;
