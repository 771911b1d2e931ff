/** net/core: rtnl, net_device registration, open/close and the device list. */
package dev.whylock.linux.net.core;
