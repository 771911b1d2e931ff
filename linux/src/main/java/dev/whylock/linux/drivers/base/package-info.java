/** drivers/base: the driver core (device_lock, probe/remove, devres, deferred probing). */
package dev.whylock.linux.drivers.base;
