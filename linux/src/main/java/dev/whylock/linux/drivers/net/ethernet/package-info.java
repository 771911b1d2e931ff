/** A phylink MAC driver (modelled on mvneta) whose probe and remove bracket the netdev's lifetime. */
package dev.whylock.linux.drivers.net.ethernet;
