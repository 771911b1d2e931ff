/** net/ethtool: the ioctl and netlink paths into the SFP bus and the PHY, under rtnl. */
package dev.whylock.linux.net.ethtool;
